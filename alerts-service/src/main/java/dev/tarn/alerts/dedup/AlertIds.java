package dev.tarn.alerts.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Panther's dedup keys and alert ids (md5 hex, 32 characters), and Tarn's event-time window ids. */
public final class AlertIds {
  private AlertIds() {}

  /** {@code md5(ruleId:dedup[:error])}: Panther's partitionKey of panther-log-alert-dedup. */
  public static String dedupKey(String ruleId, String dedup, boolean error) {
    return md5(ruleId + ":" + dedup + (error ? ":error" : ""));
  }

  /**
   * {@code md5(ruleId:alertCount:dedup)}: Panther's alert id for the alertCount-th window of a dedup key. Errors append
   * ":error" so a rule's error alert can never take the id of its match alert with the same dedup string.
   */
  public static String processingAlertId(String ruleId, long alertCount, String dedup, boolean error) {
    return md5(ruleId + ":" + alertCount + ":" + dedup + (error ? ":error" : ""));
  }

  /** The alert of the event-time window starting at {@code windowStart}: the same inputs give the same id. */
  public static String eventWindowAlertId(String ruleId, Instant windowStart, String dedup, boolean error) {
    return md5(ruleId + ":@" + windowStart.getEpochSecond() + ":" + dedup + (error ? ":error" : ""));
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
