package dev.tarn.logschema;

import java.util.List;
import java.util.Map;

/** The {@code parser:} section of a log schema: how raw records become JSON objects. Absent = JSON lines. */
public sealed interface ParserSpec extends java.io.Serializable {

  /** One JSON object per record (the default). */
  record Json() implements ParserSpec {}

  /** Delimited text. {@code columns} may be empty when {@code hasHeader} names them. */
  record Csv(char delimiter, List<String> columns, boolean hasHeader, TextOptions options) implements ParserSpec {
    public Csv {
      columns = List.copyOf(columns);
    }
  }

  /** Panther's fastmatch: {@code %{name}} placeholders between literal delimiters, patterns tried in order. */
  record Fastmatch(List<String> match, TextOptions options) implements ParserSpec {
    public Fastmatch {
      match = List.copyOf(match);
    }
  }

  /** Grok-like regular expressions: the {@code match} lines are joined into one pattern. */
  record Regex(List<String> match, Map<String, String> patternDefinitions, TextOptions options)
      implements ParserSpec {
    public Regex {
      match = List.copyOf(match);
      patternDefinitions = Map.copyOf(patternDefinitions);
    }
  }

  /** A built-in parser written in Java for a format no declarative parser covers (for example VPC flow headers). */
  record Native(String name) implements ParserSpec {}
}
