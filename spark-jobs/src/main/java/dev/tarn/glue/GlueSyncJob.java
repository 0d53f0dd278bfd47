package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.services.glue.GlueClient;

/** {@code tarn gluesync}: reads the lake's tables, syncs Glue, and records the run in tarn_system.job_runs. */
public final class GlueSyncJob {
  public static final String JOB = "gluesync";

  /**
   * @param databases databases to publish; empty for Panther's databases the lake has
   * @param tablePrefix only tables whose name starts with this; null for all
   * @param catalogId the Glue catalog (account id); null for the caller's
   */
  public record Options(List<String> databases, String tablePrefix, boolean dryRun, String catalogId) {
    public Options {
      databases = List.copyOf(databases);
    }
  }

  private final SparkSession spark;
  private final Lake lake;
  private final GlueClient glue;

  public GlueSyncJob(SparkSession spark, Lake lake, GlueClient glue) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.glue = requireNonNull(glue, "glue is null");
  }

  /** Syncs; a dry run plans only and is not recorded as a run (it changed nothing). */
  public GlueSyncReport run(Options options, Consumer<String> progress) {
    Instant started = Instant.now();
    List<GlueDatabaseDefinition> databases = new LakeGlueDefinitions(spark, lake)
        .read(options.databases(), options.tablePrefix());
    GlueSyncReport report = new GlueSync(glue, options.catalogId()).sync(databases, options.dryRun(), progress);
    if (!options.dryRun()) {
      String target = String.join(",", databases.stream().map(GlueDatabaseDefinition::name).toList());
      JobRuns.append(spark, new LakeTables(spark, lake), JobRun.of(JOB, UUID.randomUUID().toString(),
          target.isEmpty() ? null : target, started, Instant.now(),
          report.failures().isEmpty() ? JobRun.SUCCEEDED : JobRun.SUCCEEDED_WITH_ERRORS, report.summary(),
          Map.of("databases_created", report.count(GlueChange.Kind.CREATE_DATABASE),
              "tables_created", report.count(GlueChange.Kind.CREATE_TABLE),
              "tables_updated", report.count(GlueChange.Kind.UPDATE_TABLE),
              "tables_in_sync", (long) report.inSync(),
              "failed", (long) report.failures().size())));
    }
    return report;
  }
}
