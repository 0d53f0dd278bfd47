package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.DestinationFields.Field;
import dev.tarn.alerts.delivery.sns.TopicArn;
import dev.tarn.alerts.delivery.sqs.QueueUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a destination's configuration before it is stored (the API calls this on create and update) and before it
 * is used. Returns messages for the user, each naming the field, what is wrong and what is expected; empty means
 * valid. Messages never contain the value of a secret field.
 */
public final class DestinationValidation {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d+");
  private static final Pattern GID = Pattern.compile("\\d+");
  static final int MIN_HMAC_SECRET_CHARS = 16;

  private DestinationValidation() {}

  public static List<String> validate(DestinationType type, Map<String, String> settings,
      Map<String, String> secrets) {
    requireNonNull(type, "type is null");
    Map<String, String> s = settings == null ? Map.of() : settings;
    Map<String, String> x = secrets == null ? Map.of() : secrets;
    List<String> errors = new ArrayList<>();
    String what = type.apiName() + " destination";
    checkKeys(type, what, s, x, errors);
    ConfigValues values = new ConfigValues(s, x);
    for (Field f : DestinationFields.of(type)) {
      String v = values.get(f.name());
      if (v == null) {
        if (f.required()) {
          errors.add(what + ": '" + f.name() + "' is required (" + f.description() + ")");
        }
      } else if (f.kind() == DestinationFields.Kind.URL && !isHttpUrl(v)) {
        errors.add(what + ": '" + f.name() + "' is not an absolute http or https URL (expected " + f.description()
            + ")");
      }
    }
    checkType(type, what, values, errors);
    return List.copyOf(errors);
  }

  public static List<String> validate(DestinationConfig config) {
    return validate(config.type(), config.settings(), config.secrets());
  }

  private static void checkKeys(DestinationType type, String what, Map<String, String> settings,
      Map<String, String> secrets, List<String> errors) {
    Set<String> given = new TreeSet<>(settings.keySet());
    given.addAll(secrets.keySet());
    for (String key : given) {
      if (DestinationFields.field(type, key).isEmpty()) {
        errors.add(what + ": unknown setting '" + key + "'" + suggestion(type, key) + " (known settings: "
            + String.join(", ", DestinationFields.of(type).stream().map(Field::name).toList()) + ")");
      } else if (DestinationFields.isSecret(type, key) && settings.containsKey(key)) {
        errors.add(what + ": '" + key + "' is secret and must be stored with the secrets, not the plain settings");
      }
    }
  }

  private static String suggestion(DestinationType type, String key) {
    return DestinationFields.of(type).stream()
        .filter(f -> f.name().equalsIgnoreCase(key))
        .findFirst()
        .map(f -> ", did you mean '" + f.name() + "'?")
        .orElse("");
  }

  private static void checkType(DestinationType type, String what, ConfigValues v, List<String> errors) {
    switch (type) {
      case PAGERDUTY -> {
        String key = v.get("integrationKey");
        if (key != null && !HEX32.matcher(key).matches()) {
          errors.add(what + ": 'integrationKey' must be 32 hexadecimal characters (the Integration Key of an "
              + "Events API v2 integration in PagerDuty), got " + key.length() + " characters");
        }
      }
      case OPSGENIE -> {
        String region = v.get("serviceRegion");
        if (region != null && !Set.of("US", "EU").contains(region.toUpperCase(Locale.ROOT))) {
          errors.add(what + ": 'serviceRegion' must be US or EU, got '" + region + "'");
        }
      }
      case JIRA -> {
        for (String label : v.list("labels")) {
          if (label.chars().anyMatch(Character::isWhitespace)) {
            errors.add(what + ": label '" + label + "' contains whitespace, which Jira labels cannot (separate "
                + "labels with commas)");
          }
        }
      }
      case GITHUB -> {
        String repo = v.get("repoName");
        if (repo != null && !REPO.matcher(repo).matches()) {
          errors.add(what + ": 'repoName' must be owner/name, e.g. acme/security-alerts, got '" + repo + "'");
        }
      }
      case ASANA -> {
        for (String gid : v.list("projectGids")) {
          if (!GID.matcher(gid).matches()) {
            errors.add(what + ": project id '" + gid + "' in 'projectGids' is not numeric (use the project's gid "
                + "from its Asana URL; separate several with commas)");
          }
        }
      }
      case CUSTOMWEBHOOK -> {
        String secret = v.get("hmacSecret");
        if (secret != null && secret.length() < MIN_HMAC_SECRET_CHARS) {
          errors.add(what + ": 'hmacSecret' must be at least " + MIN_HMAC_SECRET_CHARS + " characters (generate "
              + "one with `openssl rand -hex 32`)");
        }
      }
      case SNS -> {
        String arn = v.get("topicArn");
        if (arn != null && TopicArn.parse(arn).isEmpty()) {
          errors.add(what + ": 'topicArn' is not an SNS topic ARN: '" + arn + "' (expected " + TopicArn.EXPECTED
              + ")");
        }
        checkCredentials(what, v, errors);
      }
      case SQS -> {
        String url = v.get("queueUrl");
        if (url != null && isHttpUrl(url) && QueueUrl.parse(url).isEmpty()) {
          errors.add(what + ": 'queueUrl' is not an SQS queue URL: '" + url + "' (expected " + QueueUrl.EXPECTED
              + ")");
        }
        String region = v.get("region");
        if (region != null && !REGION.matcher(region).matches()) {
          errors.add(what + ": 'region' is not an AWS region name: '" + region + "' (expected e.g. us-east-1)");
        }
        checkCredentials(what, v, errors);
      }
      case SLACK, MSTEAMS -> {
        // a webhook URL is all they need; checked as a URL above
      }
    }
  }

  private static void checkCredentials(String what, ConfigValues v, List<String> errors) {
    boolean id = v.has("accessKeyId");
    boolean secret = v.has("secretAccessKey");
    if (id != secret) {
      errors.add(what + ": give both 'accessKeyId' and 'secretAccessKey', or neither to use the AWS default "
          + "credentials chain");
    }
    if (v.has("sessionToken") && !(id && secret)) {
      errors.add(what + ": 'sessionToken' needs 'accessKeyId' and 'secretAccessKey' too");
    }
  }

  /** An absolute http(s) URL with a host. */
  public static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
