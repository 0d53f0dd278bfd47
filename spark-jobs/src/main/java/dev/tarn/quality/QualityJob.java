package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilder;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.metrics.Metric;
import dev.tarn.classify.StandardColumns;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tarn quality}: runs Deequ checks on tables' daily partitions, records every metric in each table's Deequ
 * repository ({@link MetricsHistory}), judges each completed day's volume ({@link VolumeAnomalies}), appends the
 * outcomes to {@code tarn_system.quality_results} and the run to {@code tarn_system.job_runs}.
 *
 * <p>Run status: {@code succeeded} when every check passed, {@code succeeded_with_errors} when a check failed, a
 * volume was anomalous or a table could not be read (the job did its work; the data has problems), {@code failed}
 * only when the job itself could not run (then it also throws).
 */
public final class QualityJob {
  public static final String JOB = "quality";
  static final String LOG_TYPE_CHECKS = "log type checks";
  static final String VOLUME_CHECK = "volume anomaly";
  private static final Logger LOG = LoggerFactory.getLogger(QualityJob.class);

  private final SparkSession spark;
  private final Lake lake;
  private final LogTypeRegistry registry;
  private final Clock clock;
  private final VolumeAnomalyPolicy policy;
  private final LakeTables tables;

  public QualityJob(SparkSession spark, Lake lake, LogTypeRegistry registry, Clock clock, VolumeAnomalyPolicy policy) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.tables = new LakeTables(spark, lake);
  }

  /** The days checked when none are given: yesterday and today (UTC), so late events of yesterday are seen. */
  public List<LocalDate> defaultDates() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return List.of(today.minusDays(1), today);
  }

  /** Every table of panther_logs, and with {@code findings} those of panther_rule_matches and panther_rule_errors. */
  public List<String> defaultTables(boolean findings) {
    List<String> out = new ArrayList<>(tablesOf(Lake.LOGS_DB));
    if (findings) {
      out.addAll(tablesOf(FindingColumns.MATCHES_DB));
      out.addAll(tablesOf(FindingColumns.ERRORS_DB));
    }
    return List.copyOf(out);
  }

  private List<String> tablesOf(String database) {
    if (!spark.catalog().databaseExists(database)) {
      return List.of();
    }
    try {
      return spark.catalog().listTables(database).collectAsList().stream()
          .filter(t -> !t.isTemporary() && !"VIEW".equalsIgnoreCase(t.tableType()))
          .map(t -> database + "." + t.name()).sorted().toList();
    } catch (org.apache.spark.sql.AnalysisException e) {
      throw new IllegalStateException("Cannot list the tables of " + database + ": " + e.getMessage(), e);
    }
  }

  /** Checks each table ({@code database.table}) on each day. */
  public QualityReport run(List<String> tableNames, List<LocalDate> dates) {
    String runId = UUID.randomUUID().toString();
    Instant started = clock.instant();
    try {
      List<QualityResult> results = new ArrayList<>();
      List<String> emptyDays = new ArrayList<>();
      for (String table : tableNames) {
        for (LocalDate date : dates.stream().sorted().distinct().toList()) {
          results.addAll(checkDay(table, date, emptyDays));
        }
      }
      QualityReport report = new QualityReport(runId, tableNames, results, emptyDays);
      QualityResults.append(spark, tables, runId, clock.instant(), results);
      JobRuns.append(spark, tables, JobRun.of(JOB, runId, target(tableNames), started, clock.instant(),
          report.hasProblems() ? JobRun.SUCCEEDED_WITH_ERRORS : JobRun.SUCCEEDED, summary(report),
          counts(report, dates.size())));
      return report;
    } catch (RuntimeException e) {
      JobRuns.append(spark, tables, JobRun.of(JOB, runId, target(tableNames), started, clock.instant(),
          JobRun.FAILED, String.valueOf(e.getMessage()), null));
      throw e;
    }
  }

  private List<QualityResult> checkDay(String table, LocalDate date, List<String> emptyDays) {
    List<QualityResult> results = new ArrayList<>();
    try {
      Dataset<Row> all = spark.table(table);
      Dataset<Row> day = all.where(functions.col(StandardColumns.DATE).equalTo(functions.lit(date)));
      Optional<LogSchema> schema = logSchema(table);
      MetricsHistory history = new MetricsHistory(spark, lake, table);
      // The day's size is always recorded (a day with no rows is volume history too); checks need rows to judge.
      VerificationRunBuilder builder = new VerificationSuite().onData(day)
          .addRequiredAnalyzer(MetricsHistory.upcast(new Size(DeequInterop.none())));
      List<QualityCheck> checks = List.of();
      if (day.isEmpty()) {
        emptyDays.add(table + " " + date);
      } else {
        checks = TableChecks.plan(all.schema(), TableKind.of(database(table)), schema);
        builder = builder.addChecks(DeequInterop.seq(checks.stream().map(QualityCheck::deequ).toList()));
        if (schema.isEmpty()) {
          results.add(new QualityResult(table, date, LOG_TYPE_CHECKS, null, QualityResult.SKIPPED,
              "no log type has the table name '" + tableName(table) + "' (built-in or added with tarn logtypes add):"
                  + " p_log_type and required fields are not checked", null, null, null));
        }
      }
      VerificationResult verification = builder.useRepository(history.repository())
          .saveOrAppendResult(history.key(date)).run();
      Map<com.amazon.deequ.checks.Check, CheckResult> byCheck = DeequInterop.javaMap(verification.checkResults());
      for (QualityCheck check : checks) {
        for (ConstraintResult c : DeequInterop.javaList(byCheck.get(check.deequ()).constraintResults())) {
          results.add(result(table, date, check.name(), c));
        }
      }
    } catch (Exception e) {
      LOG.warn("Quality checks of {} on {} could not run", table, date, e);
      results.add(new QualityResult(table, date, "checks", null, QualityResult.ERROR,
          "could not check " + table + " on " + date + ": " + e.getMessage(), null, null, null));
      return results;
    }
    results.add(volume(table, date));
    return results;
  }

  private QualityResult volume(String table, LocalDate date) {
    String strategy = String.format(java.util.Locale.ROOT,
        "BatchNormalStrategy(%.1f sigma, at least %.0f%%) on Size over %d days", policy.deviationFactor(),
        policy.minRelativeChange() * 100, policy.historyDays());
    if (!date.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      return new QualityResult(table, date, VOLUME_CHECK, strategy, QualityResult.SKIPPED,
          "day in progress: its volume is judged once it is over", null, null, null);
    }
    try {
      VolumeAnomaly a = VolumeAnomalies.check(spark, lake, table, date, policy);
      String status = switch (a.status()) {
        case ANOMALY -> QualityResult.FAILED;
        case NORMAL -> QualityResult.PASSED;
        case INSUFFICIENT_HISTORY -> QualityResult.SKIPPED;
      };
      return new QualityResult(table, date, VOLUME_CHECK, strategy, status, a.message(), (double) a.volume(),
          a.expectedMin(), a.expectedMax());
    } catch (RuntimeException e) {
      LOG.warn("Volume of {} on {} could not be judged", table, date, e);
      return new QualityResult(table, date, VOLUME_CHECK, strategy, QualityResult.ERROR,
          "could not judge the volume: " + e.getMessage(), null, null, null);
    }
  }

  private static QualityResult result(String table, LocalDate date, String check, ConstraintResult c) {
    boolean passed = c.status().toString().equals("Success");
    Double value = null;
    Optional<Metric<?>> metric = DeequInterop.optional(c.metric());
    if (metric.isPresent() && metric.get().value().isSuccess() && metric.get().value().get() instanceof Number n) {
      value = n.doubleValue();
    }
    String message = DeequInterop.optional(c.message()).orElse(null);
    if (!passed && value != null) {
      // Deequ says only "Value: 0.75 does not meet the constraint requirement!"; every Tarn check wants all rows.
      message = metric.get().name() + " of " + metric.get().instance() + " is " + value + ": must be 1.0 (every row)";
    }
    return new QualityResult(table, date, check, c.constraint().toString(),
        passed ? QualityResult.PASSED : QualityResult.FAILED, message, value, null, null);
  }

  private Optional<LogSchema> logSchema(String table) {
    String name = tableName(table);
    return registry.all().stream().filter(s -> s.tableName().equals(name)).findFirst();
  }

  private static String database(String table) {
    return table.substring(0, table.indexOf('.'));
  }

  private static String tableName(String table) {
    return table.substring(table.indexOf('.') + 1);
  }

  private static String target(List<String> tableNames) {
    return tableNames.size() == 1 ? tableNames.get(0) : null;
  }

  private static String summary(QualityReport r) {
    return r.results().size() + " checks on " + r.tables().size() + " tables: " + r.count(QualityResult.FAILED)
        + " failed, " + r.count(QualityResult.ERROR) + " errors, " + r.count(QualityResult.SKIPPED) + " skipped";
  }

  private static Map<String, Long> counts(QualityReport r, int days) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("tables", (long) r.tables().size());
    m.put("days", (long) days);
    m.put("checks", (long) r.results().size());
    m.put(QualityResult.PASSED, r.count(QualityResult.PASSED));
    m.put(QualityResult.FAILED, r.count(QualityResult.FAILED));
    m.put(QualityResult.SKIPPED, r.count(QualityResult.SKIPPED));
    m.put(QualityResult.ERROR, r.count(QualityResult.ERROR));
    m.put("volume_anomalies", r.results().stream()
        .filter(x -> x.check().equals(VOLUME_CHECK) && x.status().equals(QualityResult.FAILED)).count());
    return m;
  }
}
