package dev.tarn.parse.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Expands {@code %{NAME}} and {@code %{NAME:field}} references into one regular expression. Schema authors write
 * Go (RE2) syntax, so the literal parts are adapted where Java differs: {@code (?P<name>...)} groups, POSIX classes
 * such as {@code [[:alpha:]]}, and braces that are not a repetition count.
 */
final class GrokCompiler {
  private static final String GROUP_PREFIX = "g";

  private final Map<String, String> definitions;
  private final List<GrokExpression.Capture> captures = new ArrayList<>();

  private GrokCompiler(Map<String, String> definitions) {
    this.definitions = definitions;
  }

  /**
   * @param source the pattern, with references to named patterns
   * @param userDefinitions the schema's {@code patternDefinitions}; they take precedence over the built-in ones
   * @throws IllegalArgumentException when a reference is unknown or recursive, or the result is not a valid regex
   */
  static GrokExpression compile(String source, Map<String, String> userDefinitions) {
    Map<String, String> definitions = new HashMap<>(GrokPatterns.BUILTIN);
    definitions.putAll(userDefinitions);
    GrokCompiler compiler = new GrokCompiler(definitions);
    String regex = compiler.expand(source, source, new ArrayDeque<>());
    try {
      return new GrokExpression(Pattern.compile(regex), compiler.captures);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid regex pattern '" + source + "': " + e.getDescription() + " (in the expanded pattern " + regex + ")",
          e);
    }
  }

  private String expand(String root, String source, Deque<String> expanding) {
    Template template = Template.parse(source);
    StringBuilder out = new StringBuilder(source.length() * 2);
    for (int i = 0; i < template.tags().size(); i++) {
      out.append(adaptLiteral(template.literals().get(i)));
      appendReference(root, template.tags().get(i), expanding, out);
    }
    out.append(adaptLiteral(template.literals().get(template.tags().size())));
    return out.toString();
  }

  private void appendReference(String root, String tag, Deque<String> expanding, StringBuilder out) {
    int colon = tag.indexOf(':');
    String name = (colon < 0 ? tag : tag.substring(0, colon)).strip();
    // Logstash-style %{NAME:field:type} exists in the wild; the type suffix is ignored (the schema types fields).
    String field = colon < 0 ? "" : tag.substring(colon + 1).split(":", -1)[0].strip();
    String definition = definitions.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("Unknown pattern %{" + name + "} in regex pattern '" + root
          + "' (define it under patternDefinitions or use a built-in such as NOTSPACE, DATA, INT, IP)");
    }
    if (expanding.contains(name)) {
      throw new IllegalArgumentException("Recursive pattern %{" + name + "} in regex pattern '" + root
          + "' (expansion path: " + expansionPath(expanding) + " -> " + name + ")");
    }
    if (field.isEmpty()) {
      out.append("(?:");
    } else {
      out.append("(?<").append(newCapture(field)).append('>');
    }
    expanding.push(name);
    out.append(expand(root, definition, expanding));
    expanding.pop();
    out.append(')');
  }

  private static String expansionPath(Deque<String> expanding) {
    List<String> path = new ArrayList<>();
    expanding.descendingIterator().forEachRemaining(path::add);
    return String.join(" -> ", path);
  }

  private String newCapture(String field) {
    String group = GROUP_PREFIX + captures.size();
    captures.add(new GrokExpression.Capture(field, group));
    return group;
  }

  /** Rewrites the RE2 constructs that Java spells differently; everything else is copied as is. */
  private String adaptLiteral(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    boolean inClass = false;
    int i = 0;
    while (i < literal.length()) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length()) {
        out.append(c).append(literal.charAt(i + 1));
        i += 2;
      } else if (inClass) {
        int posixEnd = posixClassEnd(literal, i);
        if (posixEnd > 0) {
          out.append(posixClass(literal.substring(i + 2, posixEnd - 2)));
          i = posixEnd;
        } else if (c == '[' || c == '&') {
          // Literal in RE2 classes; in Java they would start a nested class or an intersection.
          out.append('\\').append(c);
          i++;
        } else {
          inClass = c != ']';
          out.append(c);
          i++;
        }
      } else if (c == '[') {
        inClass = true;
        out.append(c);
        i++;
        // A ']' right after '[' or '[^' is a member of the class, not its end.
        if (i < literal.length() && literal.charAt(i) == '^') {
          out.append('^');
          i++;
        }
        if (i < literal.length() && literal.charAt(i) == ']') {
          out.append("\\]");
          i++;
        }
      } else if (c == '(' && namedGroupAt(literal, i) > 0) {
        int nameStart = namedGroupAt(literal, i);
        int nameEnd = literal.indexOf('>', nameStart);
        out.append("(?<").append(newCapture(literal.substring(nameStart, nameEnd))).append('>');
        i = nameEnd + 1;
      } else if (c == '{' && !isRepetition(literal, i)) {
        out.append("\\{");
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** @return where the name of a {@code (?P<name>} or {@code (?<name>} group starts, or -1 */
  private static int namedGroupAt(String s, int open) {
    int start;
    if (s.startsWith("(?P<", open)) {
      start = open + 4;
    } else if (s.startsWith("(?<", open) && open + 3 < s.length() && Character.isLetter(s.charAt(open + 3))) {
      start = open + 3;
    } else {
      return -1;
    }
    return s.indexOf('>', start) > start ? start : -1;
  }

  private static boolean isRepetition(String s, int open) {
    int i = open + 1;
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && s.charAt(i) == ',') {
      i++;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
    }
    return i < s.length() && s.charAt(i) == '}';
  }

  /** @return the index after {@code [:name:]} starting at {@code i}, or -1 */
  private static int posixClassEnd(String s, int i) {
    if (!s.startsWith("[:", i)) {
      return -1;
    }
    int end = s.indexOf(":]", i + 2);
    if (end < 0) {
      return -1;
    }
    for (int j = i + 2; j < end; j++) {
      if (!Character.isLetter(s.charAt(j))) {
        return -1;
      }
    }
    return end + 2;
  }

  private static String posixClass(String name) {
    return switch (name) {
      case "alnum" -> "\\p{Alnum}";
      case "alpha" -> "\\p{Alpha}";
      case "ascii" -> "\\p{ASCII}";
      case "blank" -> "\\p{Blank}";
      case "cntrl" -> "\\p{Cntrl}";
      case "digit" -> "\\p{Digit}";
      case "graph" -> "\\p{Graph}";
      case "lower" -> "\\p{Lower}";
      case "print" -> "\\p{Print}";
      case "punct" -> "\\p{Punct}";
      case "space" -> "\\s";
      case "upper" -> "\\p{Upper}";
      case "word" -> "\\w";
      case "xdigit" -> "\\p{XDigit}";
      default -> throw new IllegalArgumentException(
          "Unknown POSIX character class [:" + name + ":] (known: alnum, alpha, ascii, blank, cntrl, digit, graph,"
              + " lower, print, punct, space, upper, word, xdigit)");
    };
  }
}
