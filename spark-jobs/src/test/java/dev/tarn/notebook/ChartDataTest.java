package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDataTest {
  private static final QueryResult RESULT = new QueryResult(List.of("day", "type", "events"), List.of(
      List.of("2026-01-02", "a", 5L), List.of("2026-01-01", "a", 2L), List.of("2026-01-01", "b", 1L),
      List.of("2026-01-01", "b", 3L)), false);

  @Test
  void aLineChartSortsItsLabelsAndSplitsSeriesByColumnSummingDuplicates() {
    ChartData chart = ChartData.of(new ChartSpec(ChartSpec.Type.LINE, "day", List.of("events"), "type"), RESULT);
    assertThat(chart.labels()).containsExactly("2026-01-01", "2026-01-02");
    assertThat(chart.series()).containsExactly(new ChartData.Series("a", List.of(2.0, 5.0)),
        new ChartData.Series("b", List.of(4.0, 0.0)));
  }

  @Test
  void aBarChartKeepsTheResultsOrder() {
    ChartData chart = ChartData.of(new ChartSpec(ChartSpec.Type.BAR, "type", List.of("events"), null), RESULT);
    assertThat(chart.labels()).containsExactly("a", "b");
    assertThat(chart.series()).containsExactly(new ChartData.Series("events", List.of(7.0, 4.0)));
  }

  @Test
  void aColumnTheResultLacksIsNamedWithTheColumnsItHas() {
    assertThatThrownBy(() -> ChartData.of(new ChartSpec(ChartSpec.Type.BAR, "hour", List.of("events"), null), RESULT))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("no column 'hour'")
        .hasMessageContaining("day, type, events");
  }
}
