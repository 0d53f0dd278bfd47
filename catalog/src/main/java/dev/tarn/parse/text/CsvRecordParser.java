package dev.tarn.parse.text;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.logschema.ParserSpec;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser for {@code parser: csv} schemas: one row per line, fields named by {@code columns} or by the file's header
 * row. One instance reads one file, because the header belongs to the file.
 */
public final class CsvRecordParser implements RecordParser {
  private final ParserSpec.Csv spec;
  private final CsvLineSplitter splitter;
  private final LineSkipper skipper;
  private final FieldShaper shaper;
  private final List<String> fields = new ArrayList<>();
  private List<String> columns;
  private boolean headerSeen;

  public CsvRecordParser(ParserSpec.Csv spec) {
    this.spec = requireNonNull(spec, "spec is null");
    char delimiter = spec.delimiter();
    if (delimiter != ',' && delimiter != '\t' && delimiter != ' ') {
      throw new IllegalArgumentException(
          "Invalid CSV delimiter: '" + delimiter + "' (must be ',', '\\t' or ' ')");
    }
    if (spec.columns().isEmpty() && !spec.hasHeader()) {
      throw new IllegalArgumentException("Invalid CSV parser: no columns and no header to name them (set one)");
    }
    this.splitter = new CsvLineSplitter(delimiter);
    this.skipper = new LineSkipper(spec.options());
    this.shaper = new FieldShaper(spec.options());
    this.columns = spec.columns();
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    if (skipper.skips(line)) {
      return List.of();
    }
    TextLines.refuseJson(line);
    splitter.split(line, fields);
    if (spec.hasHeader() && !headerSeen) {
      headerSeen = true;
      if (spec.columns().isEmpty()) {
        columns = fields.stream().map(String::strip).toList();
      }
      return List.of();
    }
    if (fields.size() != columns.size()) {
      throw RecordRejectedException.of(
          "expected %d %s-separated columns, found %d", columns.size(), delimiterName(), fields.size());
    }
    ObjectNode event = shaper.newEvent();
    for (int i = 0; i < fields.size(); i++) {
      shaper.put(event, columns.get(i), fields.get(i));
    }
    shaper.expand(event);
    return List.of(event);
  }

  private String delimiterName() {
    return switch (spec.delimiter()) {
      case '\t' -> "tab";
      case ' ' -> "space";
      default -> "comma";
    };
  }
}
