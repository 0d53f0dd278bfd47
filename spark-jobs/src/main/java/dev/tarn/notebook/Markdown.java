package dev.tarn.notebook;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A small, safe markdown subset for notebook text: headings ({@code #}..{@code ######}), paragraphs, bullet and
 * numbered lists, fenced code blocks, {@code `code`} and {@code **bold**}. Everything is escaped first; links and raw
 * HTML are shown as text, so a notebook cannot put markup or script into the report.
 */
final class Markdown {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");

  private Markdown() {}

  static String toHtml(String markdown) {
    StringBuilder out = new StringBuilder();
    List<String> lines = markdown.lines().toList();
    String list = null;
    StringBuilder paragraph = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      var heading = HEADING.matcher(line.strip());
      var bullet = BULLET.matcher(line);
      var numbered = NUMBERED.matcher(line);
      String wanted = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
      if (wanted == null || !wanted.equals(list)) {
        list = closeList(out, list);
      }
      if (line.strip().startsWith("```")) {
        flush(out, paragraph);
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
          code.append(lines.get(i)).append('\n');
        }
        out.append("<pre><code>").append(Html.text(code.toString())).append("</code></pre>\n");
      } else if (heading.matches()) {
        flush(out, paragraph);
        int level = heading.group(1).length();
        out.append("<h").append(level).append('>').append(inline(heading.group(2))).append("</h").append(level)
            .append(">\n");
      } else if (wanted != null) {
        flush(out, paragraph);
        if (list == null) {
          out.append('<').append(wanted).append(">\n");
          list = wanted;
        }
        out.append("<li>").append(inline((bullet.matches() ? bullet : numbered).group(1))).append("</li>\n");
      } else if (line.isBlank()) {
        flush(out, paragraph);
      } else {
        paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    closeList(out, list);
    flush(out, paragraph);
    return out.toString();
  }

  private static String closeList(StringBuilder out, String list) {
    if (list != null) {
      out.append("</").append(list).append(">\n");
    }
    return null;
  }

  private static void flush(StringBuilder out, StringBuilder paragraph) {
    if (paragraph.length() > 0) {
      out.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
      paragraph.setLength(0);
    }
  }

  /** Inline code and bold, applied to already-escaped text (the patterns add tags only, never attributes). */
  private static String inline(String text) {
    String escaped = Html.text(text);
    StringBuilder out = new StringBuilder();
    String[] parts = escaped.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      boolean code = i % 2 == 1 && i < parts.length - 1;
      if (code) {
        out.append("<code>").append(parts[i]).append("</code>");
      } else {
        String part = parts[i].replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
        out.append(i % 2 == 1 ? "`" : "").append(part);
      }
    }
    return out.toString();
  }
}
