package dev.tarn.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.testing.TestLake;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Union views over a database's tables, built in this test's own databases (the rest of the suite shares the lake). */
class PantherViewsTest {
  private static final StructType CORE = new StructType()
      .add("p_log_type", DataTypes.StringType)
      .add("p_row_id", DataTypes.StringType)
      .add("p_event_time", DataTypes.TimestampType);

  @Test
  void unionsThePColumnsOfEveryTableWithNullsWhereATableLacksOne() {
    SparkSession spark = TestLake.spark();
    LakeTables tables = new LakeTables(spark, TestLake.lake());
    String db = "viewtest_union_logs";
    create(tables, db, "ips", CORE.add("src", DataTypes.StringType)
        .add("p_any_ip_addresses", DataTypes.createArrayType(DataTypes.StringType)).add("p_date", DataTypes.DateType));
    create(tables, db, "mails", CORE.add("p_any_emails", DataTypes.createArrayType(DataTypes.StringType))
        .add("p_date", DataTypes.DateType));
    append(db, "ips", "SELECT 'Ips' AS p_log_type, 'r1' AS p_row_id, timestamp'2024-05-01 10:00:00' AS p_event_time,"
        + " '10.0.0.1' AS src, array('10.0.0.1') AS p_any_ip_addresses, date'2024-05-01' AS p_date"
        + " UNION ALL SELECT 'Ips', 'r2', timestamp'2024-05-01 11:00:00', '10.0.0.2', array('10.0.0.2'),"
        + " date'2024-05-01'");
    append(db, "mails", "SELECT 'Mails' AS p_log_type, 'r3' AS p_row_id, timestamp'2024-05-02 10:00:00' AS"
        + " p_event_time, array('a@example.com') AS p_any_emails, date'2024-05-02' AS p_date");
    UnionView view = new UnionView("viewtest_union_views", "all_logs", db, true);

    ViewResult result = PantherViews.rebuild(spark, TestLake.lake(), view);

    assertThat(result.built()).isTrue();
    assertThat(result.tables()).containsExactly("ips", "mails");
    List<Row> rows = spark.sql("SELECT p_db_name, p_log_type, to_json(p_any_ip_addresses), to_json(p_any_emails), p_any_usernames"
        + " FROM viewtest_union_views.all_logs ORDER BY p_row_id").collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly(
        "[viewtest_union_logs,Ips,[\"10.0.0.1\"],null,null]",
        "[viewtest_union_logs,Ips,[\"10.0.0.2\"],null,null]",
        "[viewtest_union_logs,Mails,null,[\"a@example.com\"],null]");
    assertThat(spark.table("viewtest_union_views.all_logs").columns()).doesNotContain("src")
        .startsWith("p_any_aws_account_ids").contains("p_date", "p_db_name");
  }

  @Test
  void anEmptyDatabaseGetsAViewWithTheStandardColumnsAndNoRows() {
    SparkSession spark = TestLake.spark();
    UnionView view = new UnionView("viewtest_empty_views", "all_logs", "viewtest_no_such_db", true);

    PantherViews.rebuild(spark, TestLake.lake(), view);

    assertThat(spark.table("viewtest_empty_views.all_logs").count()).isZero();
    assertThat(spark.table("viewtest_empty_views.all_logs").columns())
        .contains("p_log_type", "p_event_time", "p_any_ip_addresses", "p_date", "p_db_name");
  }

  @Test
  void aViewOnlyForDatabasesWithTablesIsNotCreatedForAnEmptyOne() {
    SparkSession spark = TestLake.spark();
    UnionView view = new UnionView("viewtest_cs_views", "all_cloudsecurity", "viewtest_no_such_cs_db", false);

    ViewResult result = PantherViews.rebuild(spark, TestLake.lake(), view);

    assertThat(result.built()).isFalse();
    assertThat(spark.catalog().tableExists("viewtest_cs_views", "all_cloudsecurity")).isFalse();
  }

  @Test
  void creatingALogTableAddsItToAllLogs() {
    new LakeTables(TestLake.spark(), TestLake.lake())
        .ensure(Lake.LOGS_DB, "viewtest_new_type", CORE.add("p_date", DataTypes.DateType), "p_date");

    // The view's own text, not a query over it: the suite's other log tables would all be scanned.
    assertThat(selectOf("viewtest_new_type")).contains("'panther_logs' AS `p_db_name`", "`p_log_type`");
  }

  @Test
  void aLogTableGainingAnIndicatorColumnAddsItAndTheViewShowsIt() {
    SparkSession spark = TestLake.spark();
    StructType v1 = CORE.add("p_date", DataTypes.DateType);
    new LakeTables(spark, TestLake.lake()).ensure(Lake.LOGS_DB, "viewtest_evolving", v1, "p_date");
    assertThat(selectOf("viewtest_evolving")).contains("CAST(NULL AS ARRAY<STRING>) AS `p_any_md5_hashes`");

    // A later job (a new LakeTables) ensures the table with the log type's updated schema, before writing.
    StructType v2 = CORE.add("p_any_md5_hashes", DataTypes.createArrayType(DataTypes.StringType))
        .add("p_date", DataTypes.DateType);
    new LakeTables(spark, TestLake.lake()).ensure(Lake.LOGS_DB, "viewtest_evolving", v2, "p_date");

    assertThat(spark.table("panther_logs.viewtest_evolving").columns()).contains("p_any_md5_hashes");
    assertThat(selectOf("viewtest_evolving")).contains("`p_any_md5_hashes`")
        .doesNotContain("CAST(NULL AS ARRAY<STRING>) AS `p_any_md5_hashes`");
  }

  /** The SELECT of panther_views.all_logs that reads panther_logs.{@code table}. */
  private static String selectOf(String table) {
    String text = TestLake.spark().sql("SHOW CREATE TABLE panther_views.all_logs").first().getString(0);
    String from = " FROM `panther_logs`.`" + table + "`";
    return Arrays.stream(text.split("\nUNION ALL\n")).filter(s -> s.strip().endsWith(from)).findFirst()
        .orElseThrow(() -> new AssertionError("panther_views.all_logs does not read " + table + ":\n" + text));
  }

  private static void create(LakeTables tables, String db, String table, StructType schema) {
    tables.ensure(db, table, schema, "p_date");
  }

  private static void append(String db, String table, String select) {
    TestLake.spark().sql(select).write().format("delta").mode("append")
        .save(TestLake.lake().tablePath(db, table));
  }
}
