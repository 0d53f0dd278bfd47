package dev.tarn.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fixtures shared by the delivery tests. */
public final class TestAlerts {
  public static final String ALERT_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  public static final String LINK = "https://tarn.example/alerts/" + ALERT_ID;
  public static final Instant CREATED = Instant.parse("2024-05-06T07:08:09Z");

  private TestAlerts() {}

  /** A HIGH rule alert with every field set. */
  public static AlertNotification rule() {
    return new AlertNotification(ALERT_ID, "AWS.CloudTrail.RootLogin", AlertType.RULE, "Root account login",
        "Root login from 1.2.3.4", "HIGH", "The root account was used.", "Check with the account owner.",
        "https://docs.example/root", List.of("AWS", "Identity"), "{\"ip\":\"1.2.3.4\",\"count\":2}", CREATED, "v3",
        LINK, 3, List.of("AWS.CloudTrail"), false);
  }

  /** A HIGH system error as {@code tarn health} raises it: no log types, its count is how often the alarm fired. */
  public static AlertNotification system() {
    return new AlertNotification(ALERT_ID, "Tarn.Health.SourceSilent", AlertType.SYSTEM_ERROR, "Source silent",
        "No data from aws-cloudtrail-prod for 3h", "HIGH", "Source aws-cloudtrail-prod sent nothing for 3h.",
        "docs/runbooks.md#source-silent", null, List.of("tarn-health"), "{\"source\":\"aws-cloudtrail-prod\"}",
        CREATED, "1", LINK, 2, List.of(), false);
  }

  public static AlertNotification withSeverity(AlertNotification n, String severity) {
    return new AlertNotification(n.alertId(), n.ruleId(), n.type(), n.name(), n.title(), severity, n.description(),
        n.runbook(), n.reference(), n.tags(), n.contextJson(), n.createdAt(), n.version(), n.link(), n.eventCount(),
        n.logTypes(), n.resend());
  }

  public static AlertNotification withTitle(AlertNotification n, String title) {
    return new AlertNotification(n.alertId(), n.ruleId(), n.type(), n.name(), title, n.severity(), n.description(),
        n.runbook(), n.reference(), n.tags(), n.contextJson(), n.createdAt(), n.version(), n.link(), n.eventCount(),
        n.logTypes(), n.resend());
  }

  public static AlertNotification withType(AlertNotification n, AlertType type, boolean resend) {
    return new AlertNotification(n.alertId(), n.ruleId(), type, n.name(), n.title(), n.severity(), n.description(),
        n.runbook(), n.reference(), n.tags(), n.contextJson(), n.createdAt(), n.version(), n.link(), n.eventCount(),
        n.logTypes(), resend);
  }

  public static AlertNotification withContext(AlertNotification n, String contextJson) {
    return new AlertNotification(n.alertId(), n.ruleId(), n.type(), n.name(), n.title(), n.severity(),
        n.description(), n.runbook(), n.reference(), n.tags(), contextJson, n.createdAt(), n.version(), n.link(),
        n.eventCount(), n.logTypes(), n.resend());
  }

  /** A destination that may reach the loopback test servers. */
  public static DestinationConfig config(DestinationType type, Map<String, String> settings,
      Map<String, String> secrets) {
    return new DestinationConfig("d-" + type.apiName(), "test " + type.apiName(), type, settings, secrets,
        List.of(), List.of(), true);
  }

  /** The same destination without allowPrivateNetwork. */
  public static DestinationConfig guarded(DestinationConfig c) {
    return new DestinationConfig(c.id(), c.name(), c.type(), c.settings(), c.secrets(), c.defaultSeverities(),
        c.alertTypes(), false);
  }

  /** Closes a destination that holds a client, as the delivery worker does. */
  public static void close(Destination destination) {
    if (destination instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("Closing " + destination + " failed", e);
      }
    }
  }

  /** Short timeouts so failure tests finish quickly. */
  public static DeliveryContext context() {
    return DeliveryContext.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }
}
