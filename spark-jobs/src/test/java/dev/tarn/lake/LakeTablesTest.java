package dev.tarn.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The session catalog stays in step with the lake's Delta tables. */
class LakeTablesTest {

  @Test
  void theCatalogShowsAColumnAddedByASchemaMergingAppend() {
    SparkSession spark = TestLake.spark();
    LakeTables tables = new LakeTables(spark, TestLake.lake());
    StructType schema = new StructType().add("user", DataTypes.StringType).add("p_date", DataTypes.DateType);
    tables.ensure("laketest_evolve", "events", schema, "p_date");

    spark.sql("SELECT 'alice' AS user, 'x@example.com' AS email, date'2024-05-01' AS p_date").write()
        .format("delta").mode("append").option("mergeSchema", "true")
        .save(tables.path("laketest_evolve", "events"));

    assertThat(spark.table("laketest_evolve.events").columns()).containsExactly("user", "p_date", "email");
    assertThat(spark.sql("DESCRIBE TABLE laketest_evolve.events").collectAsList())
        .extracting(r -> r.getString(0)).contains("email");
    assertThat(spark.sql("SELECT email FROM laketest_evolve.events").collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("x@example.com");
  }

  @Test
  void registerAllRegistersATableWrittenByPathBeforeItsDatabaseExisted() {
    SparkSession spark = TestLake.spark();
    Lake lake = TestLake.lake();
    spark.sql("SELECT 'a' AS p_log_type, date'2024-05-01' AS p_date UNION ALL SELECT 'b', date'2024-05-02'")
        .write().format("delta").partitionBy("p_date").save(lake.tablePath("laketest_unregistered", "orphans"));
    assertThat(spark.catalog().databaseExists("laketest_unregistered")).isFalse();

    List<String> registered = new LakeTables(spark, lake).registerAll();

    assertThat(registered).contains("laketest_unregistered.orphans");
    List<Row> rows = spark.sql("SELECT p_log_type FROM laketest_unregistered.orphans ORDER BY 1").collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("a", "b");
    assertThat(new LakeTables(spark, lake).registerAll()).doesNotContain("laketest_unregistered.orphans");
  }
}
