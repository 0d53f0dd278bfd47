package dev.tarn.parse.text;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.logschema.ParserSpec;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Parser for {@code parser: regex} schemas: the {@code match} lines form one grok pattern that must match the whole
 * line; each {@code %{PATTERN:field}} becomes a field.
 */
public final class RegexRecordParser implements RecordParser {
  private final String source;
  private final GrokExpression expression;
  private final Matcher matcher;
  private final LineSkipper skipper;
  private final FieldShaper shaper;

  public RegexRecordParser(ParserSpec.Regex spec) {
    requireNonNull(spec, "spec is null");
    if (spec.match().isEmpty()) {
      throw new IllegalArgumentException("Invalid regex parser: 'match' lists no pattern");
    }
    this.source = String.join("", spec.match());
    this.expression = GrokCompiler.compile(source, spec.patternDefinitions());
    this.matcher = expression.pattern().matcher("");
    this.skipper = new LineSkipper(spec.options());
    this.shaper = new FieldShaper(spec.options());
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    if (skipper.skips(line)) {
      return List.of();
    }
    TextLines.refuseJson(line);
    if (!matcher.reset(line).matches()) {
      throw RecordRejectedException.of("line does not match regex pattern '%s'", source);
    }
    ObjectNode event = shaper.newEvent();
    for (GrokExpression.Capture capture : expression.captures()) {
      // A field captured in several alternatives keeps the first value that matched.
      if (!event.has(capture.field())) {
        shaper.put(event, capture.field(), matcher.group(capture.group()));
      }
    }
    shaper.expand(event);
    return List.of(event);
  }
}
