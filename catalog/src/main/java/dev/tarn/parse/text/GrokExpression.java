package dev.tarn.parse.text;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A grok pattern compiled to {@code java.util.regex}.
 *
 * @param pattern the expanded regular expression
 * @param captures the fields it captures, in the order they appear in the pattern
 */
record GrokExpression(Pattern pattern, List<Capture> captures) {

  GrokExpression {
    requireNonNull(pattern, "pattern is null");
    captures = List.copyOf(captures);
  }

  /**
   * A field and the regex group that captures it. Groups get generated names because field names are free text
   * ({@code remote-ip}, {@code user.name}) while Java group names must be letters and digits.
   */
  record Capture(String field, String group) {
    Capture {
      requireNonNull(field, "field is null");
      requireNonNull(group, "group is null");
    }
  }
}
