package dev.tarn.parse.text;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Text with {@code %{tag}} placeholders, split into the literal text around the tags. Fastmatch patterns, grok
 * patterns and {@code expandFields} templates all use this syntax; each gives the tags its own meaning.
 *
 * @param source the text as written
 * @param literals the text before, between and after the tags; always one more than {@code tags}
 * @param tags the text inside each {@code %{...}}, as written
 */
record Template(String source, List<String> literals, List<String> tags) {

  private static final String OPEN = "%{";

  Template {
    requireNonNull(source, "source is null");
    literals = List.copyOf(literals);
    tags = List.copyOf(tags);
    if (literals.size() != tags.size() + 1) {
      throw new IllegalArgumentException(
          "Invalid template split of '" + source + "': " + literals.size() + " literals for " + tags.size() + " tags");
    }
  }

  static Template parse(String source) {
    requireNonNull(source, "source is null");
    List<String> literals = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    int pos = 0;
    while (true) {
      int open = source.indexOf(OPEN, pos);
      if (open < 0) {
        literals.add(source.substring(pos));
        return new Template(source, literals, tags);
      }
      int close = source.indexOf('}', open + OPEN.length());
      if (close < 0) {
        throw new IllegalArgumentException(
            "Unterminated placeholder at offset " + open + " in '" + source + "' (expected '%{name}')");
      }
      literals.add(source.substring(pos, open));
      tags.add(source.substring(open + OPEN.length(), close));
      pos = close + 1;
    }
  }

  /**
   * Replaces every tag with its value.
   *
   * @return the rendered text, or null when a tag has no value (so no half-filled value is ever produced)
   */
  String render(Function<String, String> valueOfTag) {
    StringBuilder out = new StringBuilder(source.length());
    for (int i = 0; i < tags.size(); i++) {
      String value = valueOfTag.apply(tags.get(i).strip());
      if (value == null) {
        return null;
      }
      out.append(literals.get(i)).append(value);
    }
    return out.append(literals.get(tags.size())).toString();
  }
}
