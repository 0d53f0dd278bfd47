package dev.tarn.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class UnionViewSqlTest {
  private static final UnionView VIEW = new UnionView("v", "all_things", "things", true);
  private static final List<StructField> STANDARD = List.of(
      DataTypes.createStructField("p_log_type", DataTypes.StringType, true));

  @Test
  void selectsOnlyPColumnsSortedByNameWithTheDatabaseName() {
    StructType a = new StructType().add("user", DataTypes.StringType).add("p_row_id", DataTypes.StringType)
        .add("p_log_type", DataTypes.StringType);

    ViewDefinition definition = UnionViewSql.define(VIEW, Map.of("a", a), STANDARD);

    assertThat(definition.columns()).containsExactly("p_db_name", "p_log_type", "p_row_id");
    assertThat(definition.sql()).isEqualTo("CREATE OR REPLACE VIEW `v`.`all_things` AS\n"
        + "SELECT 'things' AS `p_db_name`, `p_log_type`, `p_row_id` FROM `things`.`a`");
  }

  @Test
  void castsNullForColumnsATableLacks() {
    StructType a = new StructType().add("p_log_type", DataTypes.StringType)
        .add("p_any_emails", DataTypes.createArrayType(DataTypes.StringType));
    StructType b = new StructType().add("p_log_type", DataTypes.StringType);

    String sql = UnionViewSql.define(VIEW, Map.of("b", b, "a", a), STANDARD).sql();

    assertThat(sql).endsWith("SELECT `p_any_emails`, 'things' AS `p_db_name`, `p_log_type` FROM `things`.`a`\n"
        + "UNION ALL\n"
        + "SELECT CAST(NULL AS ARRAY<STRING>) AS `p_any_emails`, 'things' AS `p_db_name`, `p_log_type` "
        + "FROM `things`.`b`");
  }

  @Test
  void widensIntegersAndCastsIncompatibleTypesToString() {
    StructType a = new StructType().add("p_count", DataTypes.IntegerType)
        .add("p_odd", DataTypes.createArrayType(DataTypes.StringType));
    StructType b = new StructType().add("p_count", DataTypes.LongType).add("p_odd", DataTypes.StringType);

    ViewDefinition definition = UnionViewSql.define(VIEW, Map.of("a", a, "b", b), STANDARD);

    assertThat(definition.coercions()).containsExactly(
        "p_count: int in a, bigint in b -> bigint",
        "p_odd: array<string> in a, string in b -> string");
    assertThat(definition.sql()).contains("CAST(`p_count` AS BIGINT) AS `p_count`")
        .contains("CAST(`p_odd` AS STRING) AS `p_odd`");
  }

  @Test
  void anEmptyDatabaseGivesAViewWithTheStandardColumnsAndNoRows() {
    ViewDefinition definition = UnionViewSql.define(VIEW, Map.of(), STANDARD);

    assertThat(definition.tables()).isEmpty();
    assertThat(definition.sql()).endsWith(
        "SELECT 'things' AS `p_db_name`, CAST(NULL AS STRING) AS `p_log_type` WHERE false");
  }
}
