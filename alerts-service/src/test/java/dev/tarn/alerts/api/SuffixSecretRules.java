package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.DestinationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small real {@link DestinationRules} for tests: keys ending in URL, Key or token are secret; webhook types need an
 * http(s) {@code webhookURL}; SQS needs a {@code queueUrl}.
 */
final class SuffixSecretRules implements DestinationRules {
  private static final Set<DestinationType> WEBHOOKS =
      Set.of(DestinationType.SLACK, DestinationType.MSTEAMS, DestinationType.CUSTOMWEBHOOK);

  @Override
  public List<String> validate(DestinationType type, Map<String, String> settings, Map<String, String> secrets) {
    List<String> problems = new ArrayList<>();
    if (WEBHOOKS.contains(type)) {
      String url = secrets.get("webhookURL");
      if (url == null) {
        problems.add("settings.webhookURL is required for " + type.apiName());
      } else if (!url.startsWith("https://") && !url.startsWith("http://")) {
        problems.add("settings.webhookURL must be an http(s) URL");
      }
    }
    if (type == DestinationType.SQS && !settings.containsKey("queueUrl") && !secrets.containsKey("queueUrl")) {
      problems.add("settings.queueUrl is required for sqs");
    }
    return problems;
  }

  @Override
  public boolean isSecret(DestinationType type, String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("url") && !k.equals("queueurl") || k.endsWith("key") || k.endsWith("token");
  }
}
