package dev.tarn.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a notebook run as one self-contained HTML file: markdown rendered, each SQL cell's code, result table,
 * chart or error. The charting library (Frappe Charts, vendored from npm) and the drawing code are inlined, so the
 * file needs no network. Every value is escaped, and a Content-Security-Policy allows only this file's own scripts
 * (by nonce) and no network at all, so a log field cannot run script in the reader's browser.
 */
public final class HtmlReport {
  private static final String CHART_JS = resource("frappe-charts.min.umd.js")
      .replaceAll("(?m)^//# sourceMappingURL=.*$", "");
  private static final String REPORT_JS = resource("report.js");
  private static final String REPORT_CSS = resource("report.css");

  private HtmlReport() {}

  public static String render(NotebookRun run, Instant ranAt) {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String nonce = HexFormat.of().formatHex(random);
    StringBuilder out = new StringBuilder(CHART_JS.length() + 64 * 1024);
    String name = Html.text(run.notebook().name());
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'nonce-")
        .append(nonce).append("'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>").append(name).append("</title>\n<style>\n").append(REPORT_CSS).append("</style>\n")
        .append("</head>\n<body>\n<header>\n<h1>").append(name).append("</h1>\n<p class=\"meta\">Run ")
        .append(Html.text(ranAt.toString())).append(" · ").append(run.outcomes().size()).append(" cells · ")
        .append(run.failures().size()).append(" failed");
    if (!run.parameters().isEmpty()) {
      out.append(" · parameters: ").append(Html.text(run.parameters().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
    }
    out.append("</p>\n</header>\n");
    for (CellOutcome outcome : run.outcomes()) {
      cell(out, outcome);
    }
    out.append("<script nonce=\"").append(nonce).append("\">\n").append(CHART_JS).append("\n</script>\n")
        .append("<script nonce=\"").append(nonce).append("\">\n").append(REPORT_JS).append("\n</script>\n")
        .append("</body>\n</html>\n");
    return out.toString();
  }

  private static void cell(StringBuilder out, CellOutcome outcome) {
    NotebookCell cell = outcome.cell();
    out.append("<section class=\"cell").append(outcome.failed() ? " failed" : "").append("\" id=\"cell-")
        .append(cell.number()).append("\">\n<div class=\"cell-head\">[").append(cell.number()).append(']');
    if (cell.title() != null) {
      out.append("<span class=\"title\">").append(Html.text(cell.title())).append("</span>");
    }
    out.append("</div>\n");
    switch (cell.kind()) {
      case MARKDOWN -> out.append(Markdown.toHtml(cell.text()));
      case OTHER -> out.append("<p class=\"note\">").append(Html.text(outcome.skipped())).append("</p>\n<pre>")
          .append(Html.text(cell.text())).append("</pre>\n");
      case SQL -> sql(out, outcome);
    }
    out.append("</section>\n");
  }

  private static void sql(StringBuilder out, CellOutcome outcome) {
    NotebookCell cell = outcome.cell();
    out.append("<details").append(outcome.failed() ? " open" : "").append("><summary>SQL</summary><pre>")
        .append(Html.text(cell.text())).append("</pre></details>\n");
    if (outcome.skipped() != null) {
      out.append("<p class=\"note\">Skipped: ").append(Html.text(outcome.skipped())).append("</p>\n");
    }
    if (outcome.failed()) {
      out.append("<div class=\"error\"><p><strong>Cell ").append(cell.number()).append(" failed.</strong></p>");
      if (outcome.failedStatement() != null) {
        out.append("<p>Statement:</p><pre>").append(Html.text(outcome.failedStatement())).append("</pre>");
      }
      out.append("<p>Error:</p><pre>").append(Html.text(outcome.error())).append("</pre></div>\n");
    }
    if (outcome.chart() != null) {
      chart(out, cell.number(), outcome.chart());
    }
    if (outcome.result() != null) {
      table(out, outcome.result());
    }
  }

  private static void chart(StringBuilder out, int number, ChartData chart) {
    out.append("<div class=\"chart\" data-chart=\"").append(number).append("\"></div>\n")
        .append("<script type=\"application/json\" id=\"chart-data-").append(number).append("\">")
        .append(json(chart)).append("</script>\n");
    if (chart.note() != null) {
      out.append("<p class=\"note\">").append(Html.text(chart.note())).append("</p>\n");
    }
  }

  static String json(ChartData chart) {
    String labels = chart.labels().stream().map(Html::json).collect(Collectors.joining(",", "[", "]"));
    String series = chart.series().stream()
        .map(s -> "{\"name\":" + Html.json(s.name()) + ",\"values\":" + s.values().stream()
            .map(v -> v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v))
            .collect(Collectors.joining(",", "[", "]")) + "}")
        .collect(Collectors.joining(",", "[", "]"));
    return "{\"type\":" + Html.json(chart.type() == ChartSpec.Type.LINE ? "line" : "bar") + ",\"labels\":" + labels
        + ",\"series\":" + series + "}";
  }

  private static void table(StringBuilder out, QueryResult result) {
    out.append("<div class=\"table-wrap\"><table>\n<thead><tr>");
    result.columns().forEach(c -> out.append("<th>").append(Html.text(c)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : result.rows()) {
      out.append("<tr>");
      for (Object value : row) {
        String kind = value == null ? " class=\"null\"" : value instanceof Number ? " class=\"num\"" : "";
        out.append("<td").append(kind).append('>').append(Html.text(QueryResult.text(value))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n<p class=\"rows\">").append(result.rows().size())
        .append(result.truncated() ? "+ rows (showing the first " + result.rows().size() + ")" : " rows")
        .append("</p>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource dev/tarn/notebook/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
