package dev.tarn.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {
  private static final String ATTACKER_IP = "203.0.113.77";

  @TempDir
  static Path out;

  private static GenerationReport report;

  @BeforeAll
  static void generate() throws IOException {
    report = new LogGenerator(GeneratorOptions.builder().seed(11).eventsPerType(1500).build()).write(out);
  }

  private static List<JsonNode> cloudTrail(Predicate<JsonNode> filter) {
    return GeneratedFiles.events(report, LogType.CLOUDTRAIL).stream().filter(filter).toList();
  }

  @Test
  void consoleBruteForceWritesTwelveFailuresThenASuccessFromOneIp() {
    List<JsonNode> logins = cloudTrail(e -> e.path("eventName").asText().equals("ConsoleLogin")
        && e.path("userIdentity").path("userName").asText().equals("bob.martin")
        && e.path("sourceIPAddress").asText().equals(ATTACKER_IP));

    assertThat(logins).hasSize(13);
    List<JsonNode> failures = logins.subList(0, 12);
    assertThat(failures).allSatisfy(e -> {
      assertThat(e.path("responseElements").path("ConsoleLogin").asText()).isEqualTo("Failure");
      assertThat(e.path("errorMessage").asText()).isEqualTo("Failed authentication");
      assertThat(e.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
    });
    assertThat(logins.get(12).path("responseElements").path("ConsoleLogin").asText()).isEqualTo("Success");
    Instant first = Instant.parse(logins.get(0).path("eventTime").asText());
    Instant last = Instant.parse(logins.get(12).path("eventTime").asText());
    assertThat(Duration.between(first, last)).isLessThan(Duration.ofMinutes(6));
  }

  @Test
  void rootConsoleLoginSucceedsWithoutMfa() {
    List<JsonNode> logins = cloudTrail(e -> e.path("eventName").asText().equals("ConsoleLogin")
        && e.path("userIdentity").path("type").asText().equals("Root"));

    assertThat(logins).singleElement().satisfies(e -> {
      assertThat(e.path("responseElements").path("ConsoleLogin").asText()).isEqualTo("Success");
      assertThat(e.path("additionalEventData").path("MFAUsed").asText()).isEqualTo("No");
      assertThat(e.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::123456789012:root");
    });
  }

  @Test
  void bucketMadePublicGrantsAllUsersThenAllowsPrincipalStar() {
    List<JsonNode> acls = cloudTrail(e -> e.path("eventName").asText().equals("PutBucketAcl"));
    List<JsonNode> policies = cloudTrail(e -> e.path("eventName").asText().equals("PutBucketPolicy"));

    assertThat(acls).singleElement().satisfies(e -> {
      assertThat(e.path("eventSource").asText()).isEqualTo("s3.amazonaws.com");
      assertThat(e.path("requestParameters").path("bucketName").asText()).isEqualTo("example-customer-exports");
      JsonNode grants = e.path("requestParameters").path("AccessControlPolicy").path("AccessControlList")
          .path("Grant");
      assertThat(grants.findValuesAsText("URI")).containsExactly("http://acs.amazonaws.com/groups/global/AllUsers");
    });
    assertThat(policies).singleElement().satisfies(e -> {
      JsonNode statement = e.path("requestParameters").path("bucketPolicy").path("Statement").get(0);
      assertThat(statement.path("Principal").asText()).isEqualTo("*");
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
    });
  }

  @Test
  void iamUserAndKeyCreatesAUserThenAnAccessKeyForIt() {
    List<JsonNode> calls = cloudTrail(e -> e.path("eventSource").asText().equals("iam.amazonaws.com")
        && List.of("CreateUser", "CreateAccessKey").contains(e.path("eventName").asText()));

    assertThat(calls).extracting(e -> e.path("eventName").asText()).containsExactly("CreateUser", "CreateAccessKey");
    assertThat(calls).extracting(e -> e.path("requestParameters").path("userName").asText())
        .containsOnly("support-sync");
    assertThat(calls.get(1).path("responseElements").path("accessKey").path("userName").asText())
        .isEqualTo("support-sync");
  }

  @Test
  void oktaMfaResetWritesResetAllThenDeactivate() {
    List<JsonNode> resets = GeneratedFiles.events(report, LogType.OKTA_SYSTEM_LOG).stream()
        .filter(e -> e.path("eventType").asText().startsWith("user.mfa.factor.")).toList();

    assertThat(resets).extracting(e -> e.path("eventType").asText())
        .containsExactly("user.mfa.factor.reset_all", "user.mfa.factor.deactivate");
    assertThat(resets).allSatisfy(e -> {
      assertThat(e.path("target").get(0).path("alternateId").asText()).isEqualTo("alice.nguyen@example.com");
      assertThat(e.path("client").path("ipAddress").asText()).isEqualTo(ATTACKER_IP);
      assertThat(e.path("outcome").path("result").asText()).isEqualTo("SUCCESS");
    });
  }

  @Test
  void githubRepoPublicWritesRepoAccessWithPublicVisibility() {
    List<JsonNode> changes = GeneratedFiles.events(report, LogType.GITHUB_AUDIT).stream()
        .filter(e -> e.path("action").asText().equals("repo.access")).toList();

    assertThat(changes).singleElement().satisfies(e -> {
      assertThat(e.path("visibility").asText()).isEqualTo("public");
      assertThat(e.path("repo").asText()).isEqualTo("example-corp/infra-terraform");
      assertThat(e.path("@timestamp").asLong()).isEqualTo(e.path("created_at").asLong()).isPositive();
    });
  }

  @Test
  void reportCountsEachScenariosEvents() {
    assertThat(report.scenarioEvents()).containsExactly(
        entry("console-brute-force", 13L),
        entry("root-console-login", 1L),
        entry("bucket-made-public", 2L),
        entry("iam-user-and-key", 2L),
        entry("okta-mfa-reset", 2L),
        entry("github-repo-public", 1L));
  }

  @Test
  void backgroundTrafficNeverMatchesAScenarioSignature(@TempDir Path quiet) throws IOException {
    GenerationReport background = new LogGenerator(GeneratorOptions.builder().seed(11).eventsPerType(4000)
        .types(LogType.CLOUDTRAIL, LogType.OKTA_SYSTEM_LOG, LogType.GITHUB_AUDIT).scenarios("none").build())
        .write(quiet);

    assertThat(GeneratedFiles.events(background, LogType.CLOUDTRAIL)).noneMatch(e ->
        e.path("userIdentity").path("type").asText().equals("Root")
            || e.path("responseElements").path("ConsoleLogin").asText().equals("Failure")
            || List.of("PutBucketAcl", "PutBucketPolicy", "CreateUser", "CreateAccessKey")
                .contains(e.path("eventName").asText()));
    assertThat(GeneratedFiles.events(background, LogType.OKTA_SYSTEM_LOG))
        .noneMatch(e -> e.path("eventType").asText().startsWith("user.mfa.factor."));
    assertThat(GeneratedFiles.events(background, LogType.GITHUB_AUDIT))
        .noneMatch(e -> e.path("action").asText().equals("repo.access"));
    assertThat(background.scenarioEvents()).isEmpty();
  }

  @Test
  void scenariosAreSelectedByNameInCanonicalOrder() {
    assertThat(Scenarios.select(List.of("github-repo-public", "ROOT-console-login")))
        .containsExactly("root-console-login", "github-repo-public");
    assertThat(Scenarios.select(List.of("all"))).containsExactlyElementsOf(Scenarios.names());
    assertThat(Scenarios.select(List.of("none"))).isEmpty();
  }

  @Test
  void rejectsAnUnknownScenarioNamingIt() {
    assertThatThrownBy(() -> Scenarios.named("ransomware"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ransomware'")
        .hasMessageContaining("console-brute-force");
  }
}
