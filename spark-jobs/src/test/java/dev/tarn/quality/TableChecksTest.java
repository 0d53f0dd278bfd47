package dev.tarn.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.testing.TestLake;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TableChecksTest {
  private static List<String> names(TableKind kind) {
    return TableChecks.plan(QualityProbe.TYPE, kind, Optional.of(QualityProbe.SCHEMA)).stream()
        .map(QualityCheck::name).toList();
  }

  @Test
  void keysFindingsByMatchIdInsteadOfRowId() {
    assertThat(names(TableKind.of("panther_rule_matches"))).contains("p_match_id complete", "p_match_id unique",
        "p_rule_id complete").doesNotContain("p_row_id unique");
  }

  @Test
  void checksNoLogTypeOrRequiredFieldsWithoutASchema() {
    assertThat(TableChecks.plan(QualityProbe.TYPE, TableKind.LOGS, Optional.empty()).stream().map(QualityCheck::name))
        .containsExactly("p_event_time complete", "p_row_id complete", "p_row_id unique",
            "p_any_ip_addresses well-formed");
  }

  @Test
  void guardsRequiredFieldsInsideArraysOfObjectsAndDefinitions() {
    List<RequiredField> fields = RequiredField.of(LogSchemaReader.read("""
        schema: Custom.Nested
        definitions:
          Item:
            type: object
            fields:
              - name: key
                type: string
                required: true
        fields:
          - name: items
            type: array
            element:
              type: ref
              target: Item
        """, "nested.yml"));
    assertThat(fields).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("items.key");
      assertThat(f.column()).isEmpty();
      assertThat(f.predicate()).isEqualTo(
          "(`items` IS NULL OR forall(`items`, e0 -> (e0 IS NULL OR (e0.`key` IS NOT NULL))))");
    });
  }

  @Test
  void nestedPredicateRejectsAnArrayElementWithoutItsRequiredField() {
    String predicate = "(`items` IS NULL OR forall(`items`, e0 -> (e0 IS NULL OR (e0.`key` IS NOT NULL))))";
    List<Row> rows = TestLake.spark().sql("SELECT " + predicate + " FROM VALUES"
        + " (array(named_struct('key', 'a'), named_struct('key', cast(null AS string)))),"
        + " (array(named_struct('key', 'a'))), (cast(null AS array<struct<key: string>>)) AS t(items)")
        .collectAsList();
    assertThat(rows).extracting(r -> r.getBoolean(0)).containsExactly(false, true, true);
  }
}
