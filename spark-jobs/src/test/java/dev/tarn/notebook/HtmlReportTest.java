package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report shows attacker-controlled values (log fields) as text: nothing in the data becomes markup or script. */
class HtmlReportTest {
  private static final String PAYLOAD = "<script>alert(1)</script>";

  private static String report(String markdown, QueryResult result, ChartSpec chart) {
    String source = "-- Databricks notebook source\n-- MAGIC %md\n-- MAGIC " + markdown
        + "\n\n-- COMMAND ----------\n\nSELECT 1";
    Notebook notebook = NotebookParser.parse("x.sql", source);
    NotebookCell sql = notebook.cells().get(1);
    NotebookCell withChart = new NotebookCell(sql.number(), sql.kind(), sql.title(), sql.text(), sql.statements(),
        chart, List.of());
    ChartData data = chart == null ? null : ChartData.of(chart, result);
    NotebookRun run = new NotebookRun(notebook, Map.of(), List.of(
        new CellOutcome(notebook.cells().get(0), null, null, null, null, null),
        new CellOutcome(withChart, result, data, null, null, null)));
    return HtmlReport.render(run, Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** The report without the inlined chart library and drawing code (which are ours, not data). */
  private static String data(String html) {
    return html.substring(0, html.indexOf("<script nonce="));
  }

  @Test
  void aScriptTagInAResultValueIsEscaped() {
    String html = report("text", new QueryResult(List.of("reason"), List.of(List.of(PAYLOAD)), false), null);
    assertThat(data(html)).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void aScriptTagInAColumnNameIsEscaped() {
    String html = report("text", new QueryResult(List.of(PAYLOAD), List.of(List.of("v")), false), null);
    assertThat(data(html)).doesNotContain("<script>");
  }

  @Test
  void chartLabelsAndSeriesCannotCloseTheirScriptElement() {
    QueryResult result = new QueryResult(List.of("day", "n", "who"),
        List.of(Arrays.asList("</script><script>alert(1)</script>", 3L, PAYLOAD)), false);
    String html = report("text", result, new ChartSpec(ChartSpec.Type.BAR, "day", List.of("n"), "who"));
    assertThat(data(html)).doesNotContain("<script>").doesNotContain("</script><script>alert")
        .contains("\\u003c/script\\u003e");
  }

  @Test
  void markdownRendersItsSubsetAndEscapesHtml() {
    String html = report("## Heading **bold** `code` " + PAYLOAD + " <img src=x onerror=alert(1)>",
        new QueryResult(List.of("a"), List.of(), false), null);
    assertThat(data(html)).contains("<h2>Heading <strong>bold</strong> <code>code</code> &lt;script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
  }

  @Test
  void onlyTheReportsOwnScriptsMayRun() {
    String html = report("text", new QueryResult(List.of("a"), List.of(), false), null);
    assertThat(html).containsPattern(
        "Content-Security-Policy\" content=\"default-src 'none'; script-src 'nonce-[0-9a-f]{32}'");
  }
}
