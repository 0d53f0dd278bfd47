package dev.tarn.maintain;

import static dev.tarn.maintain.MaintainFixtures.append;
import static dev.tarn.maintain.MaintainFixtures.job;
import static dev.tarn.maintain.MaintainFixtures.spark;
import static dev.tarn.maintain.MaintainFixtures.table;
import static dev.tarn.maintain.MaintainFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.MaintainConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionTest {
  // now - 10 days = 2024-02-29T10:00Z: 2024-02-20 is a whole expired partition, 2024-02-29 the boundary day.
  private static final Instant NOW = Instant.parse("2024-03-10T10:00:00Z");
  private static final MaintainOptions RETENTION_ONLY =
      new MaintainOptions(List.of(), false, null, false, true, true, false);

  private static MaintainConfig keep10Days(String table) {
    return MaintainConfig.defaults().withRetention(Map.of(table, Duration.ofDays(10)));
  }

  /** 6 rows in an expired partition, 2 expired and 2 kept rows on the boundary day, 4 recent rows. */
  private static TableRef events(String database, String name) {
    TableRef table = table(database, name);
    append(table, Instant.parse("2024-02-20T12:00:00Z"), 2, 3);
    append(table, Instant.parse("2024-02-29T05:00:00Z"), 1, 2);
    append(table, Instant.parse("2024-02-29T15:00:00Z"), 1, 2);
    append(table, Instant.parse("2024-03-05T08:00:00Z"), 1, 4);
    return table;
  }

  private static long count(TableRef table) {
    return spark().read().format("delta").load(table.path()).count();
  }

  private static long expiredBytes(TableRef table) {
    return TableSnapshot.latest(spark(), table.path()).files()
        .where("partitionValues['p_date'] = '2024-02-20' or (partitionValues['p_date'] = '2024-02-29' "
            + "and get_json_object(stats, '$.minValues.p_event_time') like '%T05:%')")
        .selectExpr("sum(size)").first().getLong(0);
  }

  @Test
  void deletesRowsOlderThanTheRetentionAndReportsThem() {
    TableRef table = events("maint_retention", "expiring");
    long bytes = expiredBytes(table);

    TableOutcome outcome = job(keep10Days("expiring"), NOW).run(RETENTION_ONLY.onTables(List.of(table.name())))
        .table(table.name());

    assertThat(outcome.failed()).as(outcome.message()).isFalse();
    assertThat(outcome.metric("rows_expired")).isEqualTo(8);
    assertThat(outcome.metric("files_expired")).isEqualTo(3);
    assertThat(outcome.metric("bytes_expired")).isEqualTo(bytes);
    assertThat(outcome.message()).contains("expired 8 rows").contains("freed at VACUUM");
    assertThat(spark().read().format("delta").load(table.path()).selectExpr("min(p_event_time)").first()
        .getTimestamp(0).toInstant()).isEqualTo(Instant.parse("2024-02-29T15:00:00Z"));
    assertThat(count(table)).isEqualTo(6);
  }

  @Test
  void dropsWholeExpiredPartitionsWithoutRewritingFiles() {
    TableRef table = events("maint_retention", "whole_partitions");

    job(keep10Days("whole_partitions"), NOW).run(RETENTION_ONLY.onTables(List.of(table.name())));

    assertThat(spark().sql("DESCRIBE HISTORY delta.`" + table.path() + "`").where("operation = 'DELETE'")
        .selectExpr("sum(cast(operationMetrics['numAddedFiles'] as long))").first().getLong(0)).isZero();
  }

  @Test
  void keepsEverythingWhenNoRetentionIsConfigured() {
    TableRef table = events("maint_retention", "kept_forever");
    long version = version(table);

    TableOutcome outcome = job(MaintainConfig.defaults(), NOW).run(RETENTION_ONLY.onTables(List.of(table.name())))
        .table(table.name());

    assertThat(outcome.metric("rows_expired")).isZero();
    assertThat(count(table)).isEqualTo(14);
    assertThat(version(table)).isEqualTo(version);
  }

  @Test
  void expiresFindingsTwinsByTheLogTableName() {
    TableRef matches = events("maint_retention_matches", "twin");

    job(keep10Days("twin"), NOW).run(RETENTION_ONLY.onTables(List.of(matches.name())));

    assertThat(count(matches)).isEqualTo(6);
  }

  @Test
  void dryRunReportsWhatWouldExpireAndChangesNothing() {
    TableRef table = events("maint_retention", "dry_run");
    long version = version(table);

    TableOutcome outcome = job(keep10Days("dry_run"), NOW)
        .run(new MaintainOptions(List.of(table.name()), true, null, false, true, true, false)).table(table.name());

    assertThat(outcome.plan()).singleElement().asString().contains("8 rows").contains("2024-02-29T10:00:00Z");
    assertThat(count(table)).isEqualTo(14);
    assertThat(version(table)).isEqualTo(version);
  }
}
