package dev.tarn.logschema.infer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.LogSchemaReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Proposes a log schema from sample JSON lines ({@code tarn logtypes infer}): types merged over every line, nested
 * objects and arrays, timestamps in the common formats, one event-time field and likely indicators. The result is a
 * starting point to review, edit and {@code add}; see {@link SchemaBuilder} for how types are chosen.
 *
 * <p>Lines that are not JSON objects are skipped and reported; blank lines are ignored.
 */
public final class SchemaInference {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LISTED_INVALID_LINES = 10;

  private SchemaInference() {}

  /** The proposed schema as YAML; see {@link #infer}. */
  public static String inferYaml(String logTypeName, List<String> jsonLines) {
    return infer(logTypeName, jsonLines).yaml();
  }

  /**
   * Infers a schema named {@code logTypeName} from {@code jsonLines}, one JSON object per line.
   *
   * @throws IllegalArgumentException when no line is a JSON object with at least one key, or the name is not a
   *     valid log type name (such as {@code Custom.MyApp})
   */
  public static InferenceReport infer(String logTypeName, List<String> jsonLines) {
    requireNonNull(logTypeName, "logTypeName is null");
    requireNonNull(jsonLines, "jsonLines is null");
    ValueProfile events = new ValueProfile();
    List<InferenceReport.InvalidLine> invalid = new ArrayList<>();
    int read = 0;
    for (int i = 0; i < jsonLines.size(); i++) {
      String line = jsonLines.get(i);
      if (line == null || line.isBlank()) {
        continue;
      }
      read++;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        invalid.add(new InferenceReport.InvalidLine(i + 1, "invalid JSON: " + e.getOriginalMessage()));
        continue;
      }
      if (node == null || !node.isObject()) {
        invalid.add(new InferenceReport.InvalidLine(i + 1, "not a JSON object"));
        continue;
      }
      events.add(node);
    }
    int used = (int) events.objects;
    if (events.fields.isEmpty()) {
      throw new IllegalArgumentException("Cannot infer a schema: none of the " + read
          + " non-blank lines is a JSON object with keys (" + invalid.size() + " invalid)");
    }
    List<FieldSchema> fields = EventTimeChoice.mark(SchemaBuilder.fields(events));
    String yaml = header(read, invalid) + SchemaYaml.write(logTypeName,
        "Inferred from " + used + " sample lines; review before adding.", fields);
    try {
      LogSchemaReader.read(yaml, "inferred"); // the proposal must be addable as it stands
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Cannot infer a schema named '" + logTypeName + "': " + e.getMessage(), e);
    }
    return new InferenceReport(yaml, read, used, invalid);
  }

  private static String header(int read, List<InferenceReport.InvalidLine> invalid) {
    StringBuilder s = new StringBuilder("# Proposed by tarn logtypes infer from ").append(read)
        .append(read == 1 ? " line" : " lines").append("; ").append(invalid.size())
        .append(invalid.size() == 1 ? " line" : " lines").append(" skipped as invalid JSON");
    if (!invalid.isEmpty()) {
      s.append(" (line ").append(invalid.stream().limit(LISTED_INVALID_LINES)
          .map(l -> String.valueOf(l.lineNumber())).collect(Collectors.joining(", ")));
      s.append(invalid.size() > LISTED_INVALID_LINES ? ", ...)" : ")");
    }
    return s.append(".\n# Check types, required flags, indicators and isEventTime before adding.\n").toString();
  }
}
