package dev.tarn.detect.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.findings.FindingsReader;
import dev.tarn.alerts.findings.FindingsTable;
import dev.tarn.lake.LakeTables;
import dev.tarn.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Findings tables that change under the reader: tables created before {@code p_rule_output_ids} existed gain it when
 * the detect job next writes to them, and rows deleted with deletion vectors stay deleted for the alerts service.
 */
class FindingsEvolutionContractTest {
  private static final StructType EVENT = new StructType()
      .add("eventID", DataTypes.StringType)
      .add("p_row_id", DataTypes.StringType)
      .add("p_event_time", DataTypes.TimestampType)
      .add("p_date", DataTypes.DateType);
  /** A matches table as the detect job wrote it before p_rule_output_ids (and, for matches, without p_rule_error). */
  private static final StructType OLD_MATCHES = new StructType(
      Arrays.stream(FindingColumns.findingsType(EVENT).fields())
          .filter(f -> !f.name().equals(FindingColumns.RULE_OUTPUT_IDS) && !f.name().equals(FindingColumns.RULE_ERROR))
          .toArray(StructField[]::new));
  private static SparkSession spark;
  private static LakeTables tables;
  private static FindingsReader reader;

  @BeforeAll
  static void lake() {
    spark = TestLake.spark();
    tables = new LakeTables(spark, TestLake.lake());
    reader = new FindingsReader(TestLake.lake().root());
  }

  /** A findings row in the current contract (with output ids, without p_rule_error). */
  private static Row current(String matchId, List<String> outputIds) {
    List<Object> values = new ArrayList<>(event(matchId));
    values.addAll(contract(matchId));
    values.add(FindingRows.seq(outputIds));
    return RowFactory.create(values.toArray());
  }

  private static Row old(String matchId) {
    List<Object> values = new ArrayList<>(event(matchId));
    values.addAll(contract(matchId));
    return RowFactory.create(values.toArray());
  }

  private static List<Object> event(String matchId) {
    return List.of("event-" + matchId, "row-" + matchId, Timestamp.valueOf("2024-07-01 10:00:00"),
        Date.valueOf("2024-07-01"));
  }

  private static List<Object> contract(String matchId) {
    return Arrays.asList("Test.Evolution", "v1", matchId, Timestamp.valueOf("2024-07-01 10:05:00"), "title",
        "dedup", "HIGH", "{}", null, null, null, null, "Evolution", FindingRows.seq(List.of("Test")),
        scala.collection.immutable.Map$.MODULE$.empty(), 60, 1, true);
  }

  private static StructType currentMatches() {
    return new StructType(Arrays.stream(FindingColumns.findingsType(EVENT).fields())
        .filter(f -> !f.name().equals(FindingColumns.RULE_ERROR)).toArray(StructField[]::new));
  }

  private static FindingsTable table(String name) {
    return reader.tables().stream().filter(t -> t.kind() == FindingKind.MATCH && t.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static Map<String, List<String>> outputIdsByMatch(List<Finding> findings) {
    Map<String, List<String>> out = new TreeMap<>();
    findings.forEach(f -> out.put(f.matchId(), f.outputIds()));
    return out;
  }

  @Test
  void aTableWrittenBeforeOutputIdsGainsTheColumnOnTheNextWrite() {
    tables.ensure(FindingColumns.MATCHES_DB, "contract_evolution", OLD_MATCHES, "p_date");
    String path = tables.path(FindingColumns.MATCHES_DB, "contract_evolution");
    spark.createDataFrame(List.of(old("m-old")), OLD_MATCHES).write().format("delta").mode("append").save(path);
    long beforeWrite = reader.latestVersion(table("contract_evolution")).orElseThrow();

    new FindingsWriter(spark, tables).write(spark.createDataFrame(List.of(current("m-new", List.of("out-1"))),
        currentMatches()), FindingColumns.MATCHES_DB, "contract_evolution");

    Dataset<Row> written = spark.read().format("delta").load(path);
    assertThat(written.columns()).contains(FindingColumns.RULE_OUTPUT_IDS);
    assertThat(written.where("p_match_id = 'm-new'").first().getList(
        written.schema().fieldIndex(FindingColumns.RULE_OUTPUT_IDS))).containsExactly("out-1");
    FindingsTable table = table("contract_evolution");
    long latest = reader.latestVersion(table).orElseThrow();
    assertThat(outputIdsByMatch(reader.read(table, -1, latest).findings()))
        .isEqualTo(Map.of("m-new", List.of("out-1"), "m-old", List.of()));
    assertThat(outputIdsByMatch(reader.read(table, beforeWrite, latest).findings()))
        .isEqualTo(Map.of("m-new", List.of("out-1")));
  }

  @Test
  void rowsDeletedWithADeletionVectorAreNotReadAgain() throws Exception {
    StructType schema = currentMatches();
    tables.ensure(FindingColumns.MATCHES_DB, "contract_deletion_vectors", schema, "p_date");
    spark.sql("ALTER TABLE " + FindingColumns.MATCHES_DB + ".contract_deletion_vectors SET TBLPROPERTIES "
        + "('delta.enableDeletionVectors' = 'true')");
    String path = tables.path(FindingColumns.MATCHES_DB, "contract_deletion_vectors");
    spark.createDataFrame(List.of(current("m-a", List.of()), current("m-b", List.of()), current("m-c", List.of())),
        schema).coalesce(1).write().format("delta").mode("append").save(path);
    FindingsTable table = table("contract_deletion_vectors");
    long beforeDelete = reader.latestVersion(table).orElseThrow();

    spark.sql("DELETE FROM " + FindingColumns.MATCHES_DB + ".contract_deletion_vectors WHERE p_match_id = 'm-b'");

    long latest = reader.latestVersion(table).orElseThrow();
    assertThat(Files.readString(Path.of(path, "_delta_log", String.format("%020d.json", latest))))
        .contains("\"deletionVector\":{");
    assertThat(reader.read(table, -1, latest).findings()).extracting(Finding::matchId)
        .containsExactlyInAnyOrder("m-a", "m-c");
    assertThat(reader.read(table, beforeDelete, latest).findings()).extracting(Finding::matchId)
        .containsExactlyInAnyOrder("m-a", "m-c");
  }
}
