package dev.tarn.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.lake.LakeTables;
import dev.tarn.testing.TestLake;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * gluesync against a Glue on loopback ({@link FakeGlue}): the exact requests of a create run, a no-op run, an update
 * run and a dry run. Uses its own databases, so other tests' tables in the shared lake do not change the requests.
 */
class GlueSyncTest {
  private static final String DB = "gluetest_logs";
  private static final StructType ALPHA = new StructType()
      .add("user", DataTypes.StringType)
      .add("hits", DataTypes.LongType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType))
      .add("p_event_time", DataTypes.TimestampType)
      .add("p_date", DataTypes.DateType);
  private static final StructType BETA = new StructType()
      .add("p_log_type", DataTypes.StringType)
      .add("p_date", DataTypes.DateType);

  private FakeGlue fake;
  private GlueClient glue;

  @BeforeAll
  static void createLakeTables() {
    LakeTables tables = new LakeTables(TestLake.spark(), TestLake.lake());
    tables.ensure(DB, "alpha", ALPHA, "p_date");
    tables.ensure(DB, "beta", BETA, "p_date");
  }

  @BeforeEach
  void startGlue() throws Exception {
    fake = new FakeGlue(1);
    glue = GlueClients.create("us-east-1", fake.endpoint(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "not-a-secret")));
  }

  @AfterEach
  void stopGlue() {
    glue.close();
    fake.close();
  }

  @Test
  void aCreateRunCreatesTheDatabaseAndEachTableAsAthenaReadsDelta() {
    GlueSyncReport report = sync(DB, false, new ArrayList<>());

    assertThat(calls()).containsExactly("GetDatabase gluetest_logs", "CreateDatabase gluetest_logs",
        "CreateTable gluetest_logs.alpha", "CreateTable gluetest_logs.beta");
    JsonNode input = fake.requests().get(2).body().path("TableInput");
    assertThat(input.path("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
    assertThat(input.path("Parameters").path("table_type").asText()).isEqualTo("DELTA");
    assertThat(input.path("Parameters").path("spark.sql.sources.provider").asText()).isEqualTo("delta");
    assertThat(input.path("StorageDescriptor").path("Location").asText())
        .isEqualTo(TestLake.lake().tablePath(DB, "alpha"));
    assertThat(columns(input.path("StorageDescriptor").path("Columns")))
        .containsExactly("user string", "hits bigint", "tags array<string>", "p_event_time timestamp");
    assertThat(columns(input.path("PartitionKeys"))).containsExactly("p_date date");
    assertThat(report.summary()).isEqualTo(
        "1 database(s) created, 2 table(s) created, 0 updated, 0 in sync, 0 failed");
  }

  @Test
  void aSecondRunSendsOnlyReads() {
    sync(DB, false, new ArrayList<>());
    fake.clearRequests();

    GlueSyncReport report = sync(DB, false, new ArrayList<>());

    // One table per page: the second GetTables carries the first page's NextToken.
    assertThat(calls()).containsExactly("GetDatabase gluetest_logs", "GetTables gluetest_logs",
        "GetTables gluetest_logs");
    assertThat(fake.requests().get(2).body().path("NextToken").asText()).isEqualTo("1");
    assertThat(report.changes()).isEmpty();
    assertThat(report.inSync()).isEqualTo(2);
  }

  @Test
  void aTableThatGainedAColumnGetsOneUpdateTableWithTheNewColumnList() {
    String db = evolvingDatabase("gluetest_evolve_update");
    sync(db, false, new ArrayList<>());
    evolve(db);
    fake.clearRequests();
    List<String> printed = new ArrayList<>();

    GlueSyncReport report = sync(db, false, printed);

    assertThat(calls()).containsExactly("GetDatabase " + db, "GetTables " + db, "UpdateTable " + db + ".app");
    JsonNode input = fake.requests().get(2).body().path("TableInput");
    assertThat(columns(input.path("StorageDescriptor").path("Columns")))
        .containsExactly("user string", "p_any_emails array<string>");
    assertThat(columns(input.path("PartitionKeys"))).containsExactly("p_date date");
    assertThat(printed).containsExactly("update table " + db + ".app: +col p_any_emails array<string>");
    assertThat(report.count(GlueChange.Kind.UPDATE_TABLE)).isEqualTo(1);
  }

  @Test
  void aDryRunPlansTheChangesAndSendsNoWrites() {
    String db = evolvingDatabase("gluetest_evolve_dry");
    List<String> printed = new ArrayList<>();

    GlueSyncReport report = sync(db, true, printed);

    assertThat(calls()).containsExactly("GetDatabase " + db);
    assertThat(printed).containsExactly("[dry run] create database " + db,
        "[dry run] create table " + db + ".app: 1 columns, partitioned by p_date, at "
            + TestLake.lake().tablePath(db, "app"));
    assertThat(report.summary()).startsWith("dry run, nothing sent: 1 database(s) to create");
  }

  @Test
  void aDryRunOfAnEvolvedTablePlansItsUpdateAndSendsOnlyReads() {
    String db = evolvingDatabase("gluetest_evolve_dry_update");
    sync(db, false, new ArrayList<>());
    evolve(db);
    fake.clearRequests();
    List<String> printed = new ArrayList<>();

    sync(db, true, printed);

    assertThat(calls()).containsExactly("GetDatabase " + db, "GetTables " + db);
    assertThat(printed).containsExactly("[dry run] update table " + db + ".app: +col p_any_emails array<string>");
  }

  @Test
  void accessDeniedIsReportedPerTableWithThePermissionToGrant() {
    fake.deny("CreateTable");

    GlueSyncReport report = sync(DB, false, new ArrayList<>());

    assertThat(report.failures()).hasSize(2);
    assertThat(report.failures().get(0)).startsWith("create table gluetest_logs.alpha: access denied")
        .contains("glue:CreateTable");
    assertThat(report.count(GlueChange.Kind.CREATE_DATABASE)).isEqualTo(1);
  }

  @Test
  void aRunIsRecordedInJobRuns() {
    SparkSession spark = TestLake.spark();

    new GlueSyncJob(spark, TestLake.lake(), glue)
        .run(new GlueSyncJob.Options(List.of(DB), null, false, null), line -> { });

    List<Row> runs = spark.sql("SELECT status, metrics['tables_created'] FROM tarn_system.job_runs"
        + " WHERE job = 'gluesync' AND source_id = '" + DB + "'").collectAsList();
    assertThat(runs).extracting(Row::toString).containsExactly("[succeeded,2]");
  }

  private GlueSyncReport sync(String database, boolean dryRun, List<String> printed) {
    List<GlueDatabaseDefinition> definitions = new LakeGlueDefinitions(TestLake.spark(), TestLake.lake())
        .read(List.of(database), null);
    return new GlueSync(glue, null).sync(definitions, dryRun, printed::add);
  }

  /** A database with one table, {@code app (user string, p_date date)}, that {@link #evolve} gives a column. */
  private static String evolvingDatabase(String db) {
    new LakeTables(TestLake.spark(), TestLake.lake()).ensure(db, "app",
        new StructType().add("user", DataTypes.StringType).add("p_date", DataTypes.DateType), "p_date");
    return db;
  }

  private static void evolve(String db) {
    TestLake.spark().sql("ALTER TABLE " + db + ".app ADD COLUMNS (p_any_emails ARRAY<STRING>)");
  }

  private List<String> calls() {
    return fake.requests().stream().map(GlueSyncTest::call).toList();
  }

  private static String call(FakeGlue.Request r) {
    JsonNode b = r.body();
    String target = switch (r.operation()) {
      case "GetDatabase" -> b.path("Name").asText();
      case "CreateDatabase" -> b.path("DatabaseInput").path("Name").asText();
      case "GetTables" -> b.path("DatabaseName").asText();
      case "CreateTable", "UpdateTable" -> b.path("DatabaseName").asText() + "." + b.path("TableInput")
          .path("Name").asText();
      default -> b.toString();
    };
    return r.operation() + " " + target;
  }

  private static List<String> columns(JsonNode columns) {
    List<String> out = new ArrayList<>();
    columns.forEach(c -> out.add(c.path("Name").asText() + " " + c.path("Type").asText()));
    return out;
  }
}
