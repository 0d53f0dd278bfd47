package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;

import dev.tarn.classify.StandardColumns;
import dev.tarn.lake.LakeTables;
import dev.tarn.logschema.ColumnNames;
import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes findings rows idempotently: a row is inserted only when its {@code p_match_id} is not in the table yet, so a
 * micro-batch retried after a crash, a replay of a time range already covered, and a replay overlapping the stream all
 * leave exactly one row per (rule version, event). Concurrent writers (stream and replay) retry on Delta conflicts.
 * The MERGE evolves the table's schema: columns of the rows that the table lacks are added (never removed or retyped).
 */
final class FindingsWriter {
  private static final Logger LOG = LoggerFactory.getLogger(FindingsWriter.class);
  private static final int ATTEMPTS = 5;
  private static final Pattern DELTA_UNSAFE = Pattern.compile("[ ,;{}()\\n\\t=]");

  private final SparkSession spark;
  private final LakeTables tables;

  FindingsWriter(SparkSession spark, LakeTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = requireNonNull(tables, "tables is null");
  }

  /** Inserts the rows whose match id is not in the table yet. */
  void write(Dataset<Row> rows, String database, String table) {
    // Scheduled-query results may name columns in ways Delta cannot store ("count(*)").
    String[] names = Arrays.stream(rows.columns())
        .map(c -> DELTA_UNSAFE.matcher(c).find() ? ColumnNames.safe(c) : c).toArray(String[]::new);
    Dataset<Row> unique = rows.toDF(names).dropDuplicates(FindingColumns.MATCH_ID);
    tables.ensure(database, table, unique.schema(), StandardColumns.DATE);
    String path = tables.path(database, table);
    for (int attempt = 1; ; attempt++) {
      try {
        DeltaTable.forPath(spark, path).as("t")
            .merge(unique.as("s"), "t.p_date = s.p_date AND t.p_match_id = s.p_match_id")
            .whenNotMatched().insertAll()
            // Tables written before a contract column existed (p_rule_output_ids) gain it here instead of the
            // insert silently dropping it; so do event columns a log type added since the table was created.
            .withSchemaEvolution()
            .execute();
        return;
      } catch (DeltaConcurrentModificationException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.info("Concurrent write to {}.{} (attempt {} of {}), retrying: {}", database, table, attempt, ATTEMPTS,
            e.getMessage());
      }
    }
  }
}
