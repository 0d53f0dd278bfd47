package dev.tarn.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The attack scenarios the generator can inject, by name. Each is recognisable by exact field values, and
 * the background traffic never produces those values, so a detection keyed on them fires once per injection.
 * The attacker's address is {@code 203.0.113.77} throughout.
 *
 * <table>
 *   <caption>Injected scenarios</caption>
 *   <tr><th>Name</th><th>Log type</th><th>Events</th><th>Signature (exact values)</th></tr>
 *   <tr><td>{@code console-brute-force}</td><td>AWS.CloudTrail</td><td>13</td>
 *     <td>12 × {@code eventName = ConsoleLogin}, {@code responseElements.ConsoleLogin = "Failure"},
 *     {@code errorMessage = "Failed authentication"}, {@code userIdentity.type = IAMUser},
 *     {@code userIdentity.userName = bob.martin}, {@code sourceIPAddress = 203.0.113.77}, 8-20 s apart;
 *     then one {@code ConsoleLogin = "Success"} for the same user and IP.</td></tr>
 *   <tr><td>{@code root-console-login}</td><td>AWS.CloudTrail</td><td>1</td>
 *     <td>{@code eventName = ConsoleLogin}, {@code userIdentity.type = Root},
 *     {@code userIdentity.arn = arn:aws:iam::123456789012:root}, {@code responseElements.ConsoleLogin =
 *     "Success"}, {@code additionalEventData.MFAUsed = "No"}.</td></tr>
 *   <tr><td>{@code bucket-made-public}</td><td>AWS.CloudTrail</td><td>2</td>
 *     <td>{@code eventSource = s3.amazonaws.com}, {@code eventName = PutBucketAcl},
 *     {@code requestParameters.bucketName = example-customer-exports},
 *     {@code requestParameters.AccessControlPolicy.AccessControlList.Grant[].Grantee.URI =
 *     http://acs.amazonaws.com/groups/global/AllUsers} with {@code Permission = READ}; then
 *     {@code eventName = PutBucketPolicy} with
 *     {@code requestParameters.bucketPolicy.Statement[0].Principal = "*"}, {@code Effect = Allow}.</td></tr>
 *   <tr><td>{@code iam-user-and-key}</td><td>AWS.CloudTrail</td><td>2</td>
 *     <td>{@code eventSource = iam.amazonaws.com}, {@code eventName = CreateUser},
 *     {@code requestParameters.userName = support-sync}; then {@code eventName = CreateAccessKey} with the
 *     same {@code requestParameters.userName}; both by IAM user {@code ci-deploy} from 203.0.113.77.</td></tr>
 *   <tr><td>{@code okta-mfa-reset}</td><td>Okta.SystemLog</td><td>2</td>
 *     <td>{@code eventType = user.mfa.factor.reset_all}, then {@code eventType = user.mfa.factor.deactivate};
 *     {@code actor.alternateId = ivan.petrov@example.com}, {@code target[0].alternateId =
 *     alice.nguyen@example.com}, {@code client.ipAddress = 203.0.113.77}.</td></tr>
 *   <tr><td>{@code github-repo-public}</td><td>GitHub.Audit</td><td>1</td>
 *     <td>{@code action = repo.access}, {@code visibility = public},
 *     {@code repo = example-corp/infra-terraform}, {@code actor = erink}.</td></tr>
 * </table>
 *
 * <p>Each scenario's first event lands at a seeded random point between 10% and 80% of its log type's time
 * window; the rest follow seconds to minutes later.
 */
public final class Scenarios {
  private static final List<Scenario> ALL = List.of(new ConsoleBruteForce(), new RootConsoleLogin(),
      new BucketMadePublic(), new IamUserAndKey(), new OktaMfaReset(), new GitHubRepoPublic());

  private Scenarios() {}

  /** Every scenario, in the order of the table above. */
  public static List<Scenario> all() {
    return ALL;
  }

  /** Every scenario's name, in canonical order. */
  public static List<String> names() {
    return ALL.stream().map(Scenario::name).toList();
  }

  public static Scenario named(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(scenario -> scenario.name().equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown scenario: '" + name + "' (expected one of "
            + String.join(", ", names()) + ", 'all' or 'none')"));
  }

  /**
   * Resolves a selection: names, or {@code all}, or {@code none}; returned in canonical order without
   * duplicates.
   */
  public static Set<String> select(List<String> selection) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String item : selection) {
      String name = item.trim().toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        wanted.addAll(names());
      } else if (!name.equals("none") && !name.isEmpty()) {
        wanted.add(named(name).name());
      }
    }
    List<String> ordered = new ArrayList<>(names());
    ordered.retainAll(wanted);
    return Collections.unmodifiableSet(new LinkedHashSet<>(ordered));
  }
}
