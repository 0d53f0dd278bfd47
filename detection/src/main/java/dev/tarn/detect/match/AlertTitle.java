package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code AlertTitle} template: literal text with {@code {field}} placeholders, where {@code field} is a key path
 * ({@code {user.name}}, {@code {sourceIPs[0]}}). A placeholder whose value is missing or null renders as
 * {@link #MISSING}. A brace without its partner is literal text.
 */
public final class AlertTitle {
  /** What a placeholder renders as when the event has no value there. */
  public static final String MISSING = "<field not found>";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String template;
  private final List<Part> parts;

  /** A piece of the template: literal text, or a placeholder's key path. */
  public sealed interface Part {
    record Text(String text) implements Part {
      public Text {
        requireNonNull(text, "text is null");
      }
    }

    record Placeholder(KeySpec.KeyPath key) implements Part {
      public Placeholder {
        requireNonNull(key, "key is null");
      }
    }
  }

  private AlertTitle(String template, List<Part> parts) {
    this.template = template;
    this.parts = List.copyOf(parts);
  }

  /** Parses a template; a placeholder that is not a key path is a {@link MatchSyntaxException} at {@code AlertTitle}. */
  public static AlertTitle parse(String template) {
    requireNonNull(template, "template is null");
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i + 1) : -1;
      int nextOpen = c == '{' ? template.indexOf('{', i + 1) : -1;
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        text.append(c);
        i++;
        continue;
      }
      String field = template.substring(i + 1, close).trim();
      try {
        KeySpec.KeyPath key = KeySpec.KeyPath.parse(field);
        if (text.length() > 0) {
          parts.add(new Part.Text(text.toString()));
          text.setLength(0);
        }
        parts.add(new Part.Placeholder(key));
      } catch (IllegalArgumentException e) {
        throw new MatchSyntaxException("AlertTitle", "placeholder {" + template.substring(i + 1, close) + "}: "
            + e.getMessage());
      }
      i = close + 1;
    }
    if (text.length() > 0) {
      parts.add(new Part.Text(text.toString()));
    }
    return new AlertTitle(template, parts);
  }

  public String template() {
    return template;
  }

  public List<Part> parts() {
    return parts;
  }

  /** The title for {@code event}. */
  public String render(Map<String, ?> event) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Part.Text t) {
        out.append(t.text());
      } else {
        out.append(text(EventPath.resolve(event, ((Part.Placeholder) p).key().path())));
      }
    }
    return out.toString();
  }

  /** Scalars as their text form; lists and objects as compact JSON; missing as {@link #MISSING}. */
  static String text(Object value) {
    if (value == null) {
      return MISSING;
    }
    String scalar = ValueSemantics.text(value);
    if (scalar != null) {
      return scalar;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  @Override
  public String toString() {
    return template;
  }
}
