package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alarm that fired for one subject.
 *
 * @param rule the alarm
 * @param subject what it is about (job, source id, table, {@code alerts-service}): the alert's dedup string
 * @param title one line for the alert ("Source s3-cloudtrail has sent no data for 3h 10m")
 * @param description what it means and the first thing to do
 * @param context the signal's values: {@code observed}, {@code threshold}, {@code since} and any others
 */
public record FiredAlarm(AlarmRule rule, String subject, String title, String description,
    Map<String, Object> context) {
  public FiredAlarm {
    requireNonNull(rule, "rule is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(title, "title is null");
    requireNonNull(description, "description is null");
    // Insertion order is kept for people reading the JSON; nulls are allowed (an unknown "since").
    context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /**
   * The finding id: the same alarm on the same subject in the same minute is the same finding, so a re-run of an
   * evaluation inserts nothing new.
   */
  public String matchId(Instant evaluatedAt) {
    String key = rule.id() + "\u0000" + subject + "\u0000" + evaluatedAt.truncatedTo(ChronoUnit.MINUTES);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
