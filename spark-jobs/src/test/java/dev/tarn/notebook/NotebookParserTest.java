package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookParserTest {
  private static final String SOURCE = """
      -- Databricks notebook source
      -- MAGIC %md
      -- MAGIC # Title
      -- MAGIC Some text.

      -- COMMAND ----------

      CREATE WIDGET TEXT ip DEFAULT '1.2.3.4';
      CREATE WIDGET TEXT note DEFAULT 'it\\'s; here'

      -- COMMAND ----------

      -- DBTITLE 1,Events by type
      -- requires: panther_logs.aws_cloudtrail, tarn_system.quarantine
      -- chart: bar x=p_log_type y=events
      SELECT p_log_type, count(*) AS events FROM t WHERE ip = :ip AND s = 'a;b' GROUP BY 1;
      SELECT 1 -- trailing; comment

      -- COMMAND ----------

      -- MAGIC %python
      -- MAGIC print(1)
      """;

  private final Notebook notebook = NotebookParser.parse("n.sql", SOURCE);

  @Test
  void splitsCellsAtCommandSeparatorsAndNumbersThemFromOne() {
    assertThat(notebook.cells()).extracting(NotebookCell::number, NotebookCell::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, NotebookCell.Kind.MARKDOWN),
        org.assertj.core.groups.Tuple.tuple(2, NotebookCell.Kind.SQL),
        org.assertj.core.groups.Tuple.tuple(3, NotebookCell.Kind.SQL),
        org.assertj.core.groups.Tuple.tuple(4, NotebookCell.Kind.OTHER));
  }

  @Test
  void markdownCellsLoseTheirMagicPrefixes() {
    assertThat(notebook.cells().get(0).text()).isEqualTo("# Title\nSome text.");
  }

  @Test
  void widgetsComeFromCreateWidgetStatementsWithTheirDefaults() {
    assertThat(notebook.widgets()).containsExactly(new Widget("ip", "1.2.3.4"), new Widget("note", "it's; here"));
    assertThat(notebook.cells().get(1).statements()).isEmpty();
  }

  @Test
  void statementsSplitAtSemicolonsOutsideLiteralsAndComments() {
    List<String> statements = notebook.cells().get(2).statements();
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0)).startsWith("-- requires:").endsWith("s = 'a;b' GROUP BY 1");
    assertThat(statements.get(1)).isEqualTo("SELECT 1 -- trailing; comment");
  }

  @Test
  void readsTitleChartAndRequiredTables() {
    NotebookCell cell = notebook.cells().get(2);
    assertThat(cell.title()).isEqualTo("Events by type");
    assertThat(cell.chart()).isEqualTo(new ChartSpec(ChartSpec.Type.BAR, "p_log_type", List.of("events"), null));
    assertThat(cell.requires()).containsExactly("panther_logs.aws_cloudtrail", "tarn_system.quarantine");
  }

  @Test
  void parametersOverrideDefaults() {
    assertThat(notebook.parameterValues(Map.of("ip", "10.0.0.1")))
        .containsExactly(Map.entry("ip", "10.0.0.1"), Map.entry("note", "it's; here"));
  }

  @Test
  void anUnknownParameterIsAnErrorNamingTheWidgets() {
    assertThatThrownBy(() -> notebook.parameterValues(Map.of("iq", "x")))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("no widget 'iq'")
        .hasMessageContaining("ip, note");
  }

  @Test
  void findsParameterMarkersOnlyInCode() {
    assertThat(SqlText.parameterMarkers("SELECT ':no', \":nor\" FROM t -- :nope\nWHERE a = :ip /* :not */ AND b = :x1"))
        .containsExactly("ip", "x1");
  }

  @Test
  void aFileWithoutTheDatabricksHeaderIsRejected() {
    assertThatThrownBy(() -> NotebookParser.parse("plain.sql", "SELECT 1"))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("plain.sql")
        .hasMessageContaining("-- Databricks notebook source");
  }

  @Test
  void aChartWithoutYIsRejectedNamingTheCell() {
    String source = "-- Databricks notebook source\n-- chart: line x=day\nSELECT 1";
    assertThatThrownBy(() -> NotebookParser.parse("c.sql", source))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("c.sql cell 1")
        .hasMessageContaining("x= and y=");
  }

  @Test
  void aCellWithOnlyATitleIsAnEmptySqlCell() {
    Notebook titled = NotebookParser.parse("t.sql", "-- Databricks notebook source\n-- DBTITLE 1,Later\n");
    assertThat(titled.cells()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(NotebookCell.Kind.SQL);
      assertThat(c.statements()).isEmpty();
    });
  }
}
