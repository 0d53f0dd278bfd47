package dev.tarn.alerts.delivery.sns;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One SNS {@code Publish} call in the query protocol (API version 2010-03-31), with Panther's message structure:
 * {@code default} (every protocol but e-mail) = the generic notification JSON, {@code email} = the detailed plain-text
 * message.
 */
public record SnsPublish(String topicArn, String subject, String message) {
  /** SNS refuses subjects over 100 characters. */
  public static final int MAX_SUBJECT_CHARS = 100;
  /** Sent instead when SNS refuses the title as a subject (non-ASCII text, for example). */
  public static final String FALLBACK_SUBJECT = "New Tarn Alert";

  public SnsPublish {
    requireNonNull(topicArn, "topicArn is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(message, "message is null");
  }

  public static SnsPublish of(TopicArn topic, AlertNotification n) {
    ObjectNode message = PayloadJson.object()
        .put("default", PayloadJson.text(Notifications.generic(n)))
        .put("email", Notifications.plainText(n));
    return new SnsPublish(topic.toString(), subject(Notifications.title(n)), PayloadJson.text(message));
  }

  /** The title without line breaks and control characters, cut to SNS's limit. */
  public static String subject(String title) {
    String clean = title.replaceAll("\\p{Cntrl}", "").strip();
    if (clean.isEmpty()) {
      return FALLBACK_SUBJECT;
    }
    return clean.length() <= MAX_SUBJECT_CHARS ? clean : clean.substring(0, MAX_SUBJECT_CHARS - 3) + "...";
  }

  public SnsPublish withSubject(String newSubject) {
    return new SnsPublish(topicArn, newSubject, message);
  }

  /** The form parameters, in the order they are sent. */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "Publish");
    p.put("Version", "2010-03-31");
    p.put("TopicArn", topicArn);
    p.put("Subject", subject);
    p.put("MessageStructure", "json");
    p.put("Message", message);
    return p;
  }

  /** The {@code application/x-www-form-urlencoded} body. */
  public byte[] formBody() {
    return parameters().entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
