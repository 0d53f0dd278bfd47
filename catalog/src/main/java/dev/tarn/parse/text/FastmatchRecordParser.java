package dev.tarn.parse.text;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.logschema.ParserSpec;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import java.util.ArrayList;
import java.util.List;

/** Parser for {@code parser: fastmatch} schemas: the patterns are tried in order and the first match wins. */
public final class FastmatchRecordParser implements RecordParser {
  private final List<FastmatchPattern> patterns;
  private final LineSkipper skipper;
  private final FieldShaper shaper;
  private final List<String> matched = new ArrayList<>();

  public FastmatchRecordParser(ParserSpec.Fastmatch spec) {
    requireNonNull(spec, "spec is null");
    if (spec.match().isEmpty()) {
      throw new IllegalArgumentException("Invalid fastmatch parser: 'match' lists no pattern");
    }
    this.patterns = spec.match().stream().map(FastmatchPattern::compile).toList();
    this.skipper = new LineSkipper(spec.options());
    this.shaper = new FieldShaper(spec.options());
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    if (skipper.skips(line)) {
      return List.of();
    }
    TextLines.refuseJson(line);
    for (FastmatchPattern pattern : patterns) {
      matched.clear();
      if (pattern.match(line, matched)) {
        ObjectNode event = shaper.newEvent();
        for (int i = 0; i < matched.size(); i += 2) {
          shaper.put(event, matched.get(i), matched.get(i + 1));
        }
        shaper.expand(event);
        return List.of(event);
      }
    }
    if (patterns.size() == 1) {
      throw RecordRejectedException.of("line does not match fastmatch pattern '%s'", patterns.get(0).source());
    }
    throw RecordRejectedException.of("line matches none of the %d fastmatch patterns", patterns.size());
  }
}
