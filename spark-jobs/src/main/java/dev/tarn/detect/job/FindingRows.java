package dev.tarn.detect.job;

import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.python.RuleOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Builds findings rows: the event's values followed by {@link FindingColumns#FIELDS} and the row kind. */
final class FindingRows {
  static final String KIND_COLUMN = "_tarn_kind";
  static final String MATCH = "match";
  static final String ERROR = "error";

  private FindingRows() {}

  /** Deterministic: the same rule version on the same event always gives the same id, so replays add nothing. */
  static String matchId(Detection detection, String rowId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((detection.id() + "\u0000" + detection.version() + "\u0000" + rowId)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Row row(Row event, int eventWidth, Detection detection, String rowId, RuleOutcome outcome,
      Timestamp detectTime) {
    Object[] values = new Object[eventWidth + FindingColumns.FIELDS.size() + 1];
    for (int i = 0; i < eventWidth; i++) {
      values[i] = event.get(i);
    }
    int k = eventWidth;
    boolean error = outcome.errored();
    values[k++] = detection.id();
    values[k++] = detection.version();
    values[k++] = matchId(detection, rowId);
    values[k++] = detectTime;
    values[k++] = error ? null : outcome.title();
    values[k++] = error ? errorDedup(outcome.error()) : outcome.dedup();
    values[k++] = error || outcome.severity() == null ? detection.severity().name() : outcome.severity();
    values[k++] = error ? null : outcome.alertContextJson();
    values[k++] = error ? detection.description() : outcome.description();
    values[k++] = error ? detection.reference() : outcome.reference();
    values[k++] = error ? detection.runbook() : outcome.runbook();
    values[k++] = error || outcome.destinations() == null ? null : seq(outcome.destinations());
    values[k++] = detection.displayName();
    values[k++] = seq(detection.tags());
    values[k++] = reports(detection.reports());
    values[k++] = detection.dedupPeriodMinutes();
    values[k++] = detection.threshold();
    values[k++] = detection.createAlert();
    values[k++] = seq(detection.outputIds());
    values[k++] = outcome.error();
    values[k] = error ? ERROR : MATCH;
    return RowFactory.create(values);
  }

  /** Errors of one rule group by their exception type, as Panther's rule-error alerts do. */
  private static String errorDedup(String error) {
    int colon = error.indexOf(':');
    int newline = error.indexOf('\n');
    int end = colon > 0 ? colon : newline > 0 ? newline : Math.min(error.length(), 200);
    return error.substring(0, end);
  }

  static scala.collection.Seq<String> seq(List<String> values) {
    return scala.collection.JavaConverters.asScalaBuffer(values).toList();
  }

  private static scala.collection.Map<String, scala.collection.Seq<String>> reports(
      Map<String, List<String>> reports) {
    Map<String, scala.collection.Seq<String>> out = new LinkedHashMap<>();
    reports.forEach((k, v) -> out.put(k, seq(v)));
    return scala.collection.JavaConverters.mapAsScalaMap(out);
  }
}
