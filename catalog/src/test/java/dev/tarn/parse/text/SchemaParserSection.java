package dev.tarn.parse.text;

import dev.tarn.logschema.ParserSpec;
import dev.tarn.logschema.TextOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads just the {@code parser:} section of a Panther schema file into a {@link ParserSpec}, enough for the
 * conformance schemas; the real schema reader lives elsewhere and is tested there.
 */
final class SchemaParserSection {

  private SchemaParserSection() {}

  static ParserSpec.Fastmatch fastmatch(Path schemaFile) {
    Map<String, Object> section = section(schemaFile, "fastmatch");
    return new ParserSpec.Fastmatch(strings(section.get("match")), options(section));
  }

  static ParserSpec.Regex regex(Path schemaFile) {
    Map<String, Object> section = section(schemaFile, "regex");
    return new ParserSpec.Regex(strings(section.get("match")), map(section.get("patternDefinitions")),
        options(section));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Path schemaFile, String kind) {
    try {
      Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(schemaFile));
      Map<String, Object> parser = (Map<String, Object>) ((Map<String, Object>) document).get("parser");
      return (Map<String, Object>) parser.get(kind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TextOptions options(Map<String, Object> section) {
    Object skipLines = section.get("skipLines");
    return new TextOptions(
        (String) section.get("skipPrefix"),
        strings(section.get("emptyValues")),
        Boolean.TRUE.equals(section.get("trimSpace")),
        map(section.get("expandFields")),
        skipLines == null ? 0 : ((Number) skipLines).intValue());
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> map(Object value) {
    return value == null ? Map.of() : (Map<String, String>) value;
  }
}
