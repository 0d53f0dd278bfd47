package dev.tarn.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.indicator.IndicatorKind;
import dev.tarn.search.IndicatorSearchTest.Mode;
import dev.tarn.search.SearchFixtures.Event;
import dev.tarn.testing.TestLake;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table with deletion vectors (Databricks turns them on by default): rows deleted or updated without rewriting their
 * file (the old version of an updated row stays in its file, hidden) are not found, however the search runs.
 */
class SearchDeletionVectorsTest {
  private static final String DB = "search_dv_logs";

  @BeforeAll
  static void writeTableThenDeleteAndUpdateRows() {
    new SearchFixtures(TestLake.spark(), TestLake.lake(), DB).table("AWS.CloudTrail",
        EnumSet.of(IndicatorKind.IP_ADDRESS), List.of(
            new Event("ConsoleLogin", "2024-06-03T10:00:00Z", "dv-1", Map.of(IndicatorKind.IP_ADDRESS,
                List.of("10.1.1.1"))),
            new Event("GetObject", "2024-06-03T11:00:00Z", "dv-2", Map.of(IndicatorKind.IP_ADDRESS,
                List.of("10.1.1.1"))),
            new Event("PutObject", "2024-06-03T12:00:00Z", "dv-3", Map.of(IndicatorKind.IP_ADDRESS,
                List.of("10.1.1.1")))));
    String table = "delta.`" + TestLake.lake().tablePath(DB, "aws_cloudtrail") + "`";
    TestLake.spark().sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    TestLake.spark().sql("DELETE FROM " + table + " WHERE p_row_id = 'dv-3'");
    Map<String, String> metrics = TestLake.spark().sql("DESCRIBE HISTORY " + table + " LIMIT 1")
        .select("operationMetrics").first().<String, String>getJavaMap(0);
    assertThat(metrics).containsEntry("numDeletionVectorsAdded", "1");
    // The old version of dv-2 stays in the first file, hidden by its deletion vector; the new one goes to a new file.
    TestLake.spark().sql("UPDATE " + table + " SET eventName = 'Changed' WHERE p_row_id = 'dv-2'");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void findsNeitherDeletedRowsNorOldVersions(Mode mode) {
    SearchResult result = IndicatorSearchTest.runIn(mode,
        IndicatorQuery.of(SearchKind.IP.indicator("10.1.1.1"), IndicatorSearchTest.JUNE_3).inDatabase(DB));

    LogTypeMatches found = result.logTypes().get(0);
    assertThat(found.count()).isEqualTo(2);
    assertThat(found.matches()).extracting(SearchMatch::rowId).containsExactly("dv-2", "dv-1");
    assertThat(found.matches()).extracting(SearchMatch::eventJson)
        .containsExactly("{\"eventName\":\"Changed\"}", "{\"eventName\":\"ConsoleLogin\"}");
  }
}
