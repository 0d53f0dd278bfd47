package dev.tarn.alerts.dedup;

import dev.tarn.alerts.delivery.AlertType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Panther's dedup keys and alert ids (md5 hex, 32 characters), and Tarn's event-time window ids. */
public final class AlertIds {
  private AlertIds() {}

  /**
   * {@code md5(ruleId:dedup[:error])}: Panther's partitionKey of panther-log-alert-dedup. System errors append
   * ":system" (see {@link #suffix}).
   */
  public static String dedupKey(String ruleId, String dedup, AlertType type) {
    return md5(ruleId + ":" + dedup + suffix(type));
  }

  /**
   * {@code md5(ruleId:alertCount:dedup)}: Panther's alert id for the alertCount-th window of a dedup key. Errors append
   * ":error" so a rule's error alert can never take the id of its match alert with the same dedup string.
   */
  public static String processingAlertId(String ruleId, long alertCount, String dedup, AlertType type) {
    return md5(ruleId + ":" + alertCount + ":" + dedup + suffix(type));
  }

  /** The alert of the event-time window starting at {@code windowStart}: the same inputs give the same id. */
  public static String eventWindowAlertId(String ruleId, Instant windowStart, String dedup, AlertType type) {
    return md5(ruleId + ":@" + windowStart.getEpochSecond() + ":" + dedup + suffix(type));
  }

  /**
   * Keeps each type's keys and ids apart: Panther's ":error" for rule errors, and ":system" for system errors, so a
   * user rule that happens to be called like an alarm ({@code Tarn.Health.*}) never shares its alerts. Rules (and
   * policies) add nothing, which keeps Panther's ids.
   */
  private static String suffix(AlertType type) {
    return switch (type) {
      case RULE, POLICY -> "";
      case RULE_ERROR -> ":error";
      case SYSTEM_ERROR -> ":system";
    };
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
