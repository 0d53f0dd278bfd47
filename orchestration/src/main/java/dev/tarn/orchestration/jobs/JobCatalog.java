package dev.tarn.orchestration.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Tarn's batch jobs, in the one place their arguments and schedules are written. The Airflow job specs
 * ({@code orchestration/dags/tarn_jobs.py}), the EMR and Databricks job definitions and {@code tarn airflow trigger}
 * all come from here, and a spark-jobs test parses every job's arguments with the real CLI, so none of them can
 * drift from the CLI. Adding a job is one entry below, then regenerating the definitions (see
 * {@code orchestration/README.md}).
 *
 * <p>Schedules (UTC): ingest every 15 minutes when it does not run continuously; detect 5 minutes after each ingest
 * run, so that run's rows are usually committed when it starts (a streaming read, so nothing is missed if they are
 * not); scheduled queries every 5 minutes, the finest period their runs are checked at ({@code scheduled --once}
 * runs only the queries that are due); maintenance hourly; Glue partition sync daily at 03:00; health alarms every
 * 15 minutes (the default window of its quarantine-growth rule); data quality daily at 01:30, once the previous
 * day is complete (its volume check judges completed days); backfill only when triggered.
 */
public final class JobCatalog {
  private static final List<JobSpec> JOBS = List.of(
      new JobSpec("ingest", "Ingest the files landed since the last run into panther_logs (AvailableNow)",
          List.of("ingest", "--once"), "*/15 * * * *", List.of()),
      new JobSpec("detect", "Run detections over the log rows added since the last run",
          List.of("detect", "--once"), "5,20,35,50 * * * *", List.of()),
      new JobSpec("scheduled", "Run the scheduled queries that are due and their scheduled rules",
          List.of("scheduled", "--once"), "*/5 * * * *", List.of()),
      new JobSpec("maintain", "Compact, vacuum and apply retention to the lake's Delta tables",
          List.of("maintain"), "0 * * * *", List.of()),
      new JobSpec("gluesync", "Bring the Glue catalog's tables and partitions in line with the lake",
          List.of("gluesync"), "0 3 * * *", List.of()),
      new JobSpec("health", "Evaluate the alarm rules and record firing alarms for the alerts service",
          List.of("health"), "*/15 * * * *", List.of()),
      new JobSpec("quality", "Run the data quality checks and the volume anomaly check on the log tables",
          List.of("quality"), "30 1 * * *", List.of()),
      new JobSpec("backfill", "Ingest one source's files under a prefix again, for a time range",
          List.of("backfill", "--source", JobParam.reference("source"), "--prefix", JobParam.reference("prefix"),
              "--from", JobParam.reference("from"), "--to", JobParam.reference("to")),
          null,
          List.of(
              new JobParam("source", "the id of a source in tarn.yaml", "cloudtrail-prod"),
              new JobParam("prefix", "the key prefix under the source's location to read again",
                  "AWSLogs/123456789012/CloudTrail/us-east-1/2024/06/01/"),
              new JobParam("from", "start of the event-time range (ISO-8601, inclusive)", "2024-06-01T00:00:00Z"),
              new JobParam("to", "end of the event-time range (ISO-8601, exclusive)", "2024-06-02T00:00:00Z"))));

  private static final Map<String, JobSpec> BY_ID = index();

  private JobCatalog() {}

  public static List<JobSpec> jobs() {
    return JOBS;
  }

  public static JobSpec job(String id) {
    JobSpec job = BY_ID.get(id);
    if (job == null) {
      throw new NoSuchElementException("No Tarn job " + id + " (jobs: " + BY_ID.keySet() + ")");
    }
    return job;
  }

  /** The job a DAG id or job id names ({@code backfill} and {@code tarn_backfill} both name the backfill job). */
  public static Optional<JobSpec> find(String idOrDagId) {
    return JOBS.stream().filter(j -> j.id().equals(idOrDagId) || j.dagId().equals(idOrDagId)).findFirst();
  }

  private static Map<String, JobSpec> index() {
    Map<String, JobSpec> byId = new LinkedHashMap<>();
    for (JobSpec job : JOBS) {
      if (byId.put(job.id(), job) != null) {
        throw new IllegalStateException("Two jobs with id " + job.id());
      }
    }
    return Collections.unmodifiableMap(byId);
  }
}
