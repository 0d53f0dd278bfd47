package dev.tarn.detect.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.detect.match.SimpleDetection;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.python.RuleOutcome;
import java.util.Map;

/** Title, dedup, severity and context of a simple detection's match, computed as Panther does for them. */
final class SimpleOutcomes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimpleOutcomes() {}

  /** The event (lake JSON) as the Java values the match evaluator reads. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> event(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read an event rendered by Tarn: " + e.getMessage(), e);
    }
  }

  static RuleOutcome outcome(Detection detection, SimpleDetection simple, Map<String, Object> event) {
    String title = simple.title(event);
    String dedup = detection.alertTitle() != null && !title.isEmpty() ? title
        : "defaultDedupString:" + detection.id();
    String context;
    try {
      Map<String, Object> values = simple.alertContext(event);
      context = values.isEmpty() ? null : JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      context = "{\"_error\": \"" + e.getOriginalMessage().replace("\"", "'") + "\"}";
    }
    return new RuleOutcome(detection.id(), true, null, truncate(title), truncate(dedup),
        simple.severity(event).name(), context, detection.description(), detection.reference(),
        detection.runbook(), null, Map.of(), null);
  }

  /** Panther's 1,000-character limit on titles and dedup strings. */
  private static String truncate(String text) {
    String suffix = "... (truncated)";
    return text.length() <= 1000 ? text : text.substring(0, 1000 - suffix.length()) + suffix;
  }
}
