package dev.tarn.logschema.infer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link SchemaInference#infer} made of a sample.
 *
 * @param yaml the proposed log schema in Panther's YAML format, ready to edit and add
 * @param linesRead the non-blank lines read
 * @param eventsUsed the lines that were JSON objects and shaped the schema
 * @param invalidLines the lines skipped, in order
 */
public record InferenceReport(String yaml, int linesRead, int eventsUsed, List<InvalidLine> invalidLines) {

  public InferenceReport {
    requireNonNull(yaml, "yaml is null");
    invalidLines = List.copyOf(invalidLines);
  }

  /** A sample line that was not a JSON object; {@code lineNumber} counts from 1, blank lines included. */
  public record InvalidLine(int lineNumber, String reason) {}
}
