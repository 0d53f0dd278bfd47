package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.logtypes.LogTypeStore;
import dev.tarn.quality.QualityJob;
import dev.tarn.quality.QualityReport;
import dev.tarn.quality.QualityResult;
import dev.tarn.quality.VolumeAnomalyPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quality", mixinStandardHelpOptions = true,
    description = {"Run data quality checks (Deequ) on log tables' daily partitions: p_event_time and p_row_id",
        "complete, p_row_id unique, p_log_type correct, p_any_* arrays well-formed, the schema's required fields",
        "present, and each completed day's volume against its usual range. Results go to",
        "tarn_system.quality_results, metrics to <lake>/tarn_system/deequ/.",
        "Exit code: 0 when every check passed, 1 when a check failed, a volume was anomalous or a table could",
        "not be read (--exit-zero: 0 whenever the job ran), 2 for usage errors."})
public final class QualityCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--table", paramLabel = "DB.TABLE",
      description = "Table to check (repeatable; a bare name means panther_logs.NAME). Default: every panther_logs table")
  List<String> tables = new ArrayList<>();

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Day (p_date) to check (repeatable). Default: yesterday and today, UTC; only days before today"
          + " get the volume check")
  List<LocalDate> dates = new ArrayList<>();

  @Option(names = "--findings", description = "Also check every panther_rule_matches and panther_rule_errors table")
  boolean findings;

  @Option(names = "--exit-zero", description = "Exit 0 even when checks fail (the results are still recorded)")
  boolean exitZero;

  @Override
  public Integer call() {
    TarnConfig config = global.load();
    Lake lake = new Lake(config.lakeUri());
    SparkSession spark = TarnSpark.session(lake, "tarn-quality");
    try {
      return run(spark, lake, new LogTypeStore(lake.root(), spark.sparkContext().hadoopConfiguration()).registry(),
          Clock.systemUTC());
    } finally {
      spark.stop();
    }
  }

  /** The command in a given session (tests share theirs): prints the report, returns the exit code. */
  int run(SparkSession spark, Lake lake, LogTypeRegistry registry, Clock clock) {
    QualityJob job = new QualityJob(spark, lake, registry, clock, VolumeAnomalyPolicy.DEFAULT);
    List<String> selected = selected(spark, job);
    if (selected.isEmpty()) {
      System.out.println("no tables to check (panther_logs has none yet)");
      return 0;
    }
    QualityReport report = job.run(selected, dates.isEmpty() ? job.defaultDates() : dates);
    print(report);
    return report.hasProblems() && !exitZero ? 1 : 0;
  }

  private List<String> selected(SparkSession spark, QualityJob job) {
    List<String> out = new ArrayList<>();
    for (String t : tables) {
      String name = t.contains(".") ? t : Lake.LOGS_DB + "." + t;
      if (!spark.catalog().tableExists(name)) {
        throw new UserException("--table " + t + ": no table " + name + " in the lake's catalog (list them with: "
            + "tarn sql \"show tables in " + name.substring(0, name.indexOf('.')) + "\")");
      }
      out.add(name);
    }
    if (tables.isEmpty() || findings) {
      for (String name : job.defaultTables(findings)) {
        if (!out.contains(name) && (tables.isEmpty() || !name.startsWith(Lake.LOGS_DB + "."))) {
          out.add(name);
        }
      }
    }
    return out;
  }

  static void print(QualityReport report) {
    String current = null;
    for (QualityResult r : report.results()) {
      String heading = r.table() + " " + r.date();
      if (!heading.equals(current)) {
        System.out.println(heading);
        current = heading;
      }
      System.out.printf("  %-7s %-45s %s%n", r.status(), r.check(),
          r.message() == null ? (r.metricValue() == null ? "" : "value " + r.metricValue()) : r.message());
    }
    for (String day : report.emptyDays()) {
      System.out.println(day + ": no rows (volume recorded; no checks)");
    }
    System.out.printf("%d checks: %d passed, %d failed, %d skipped, %d errors (run %s)%n", report.results().size(),
        report.count(QualityResult.PASSED), report.count(QualityResult.FAILED), report.count(QualityResult.SKIPPED),
        report.count(QualityResult.ERROR), report.runId());
  }
}
