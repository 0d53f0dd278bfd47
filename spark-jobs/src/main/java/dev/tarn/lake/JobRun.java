package dev.tarn.lake;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One row of {@code tarn_system.job_runs}: what a job run did, for status screens, health alarms and notebooks.
 *
 * @param job the job ({@code ingest}, {@code detect}, {@code maintain}, {@code requeue}, ...)
 * @param runId the run (streaming query id, or a fresh id for batch jobs)
 * @param target what the run worked on: a source id for ingest, a table for detect and maintain; may be null
 * @param batchId micro-batch id for streaming jobs, null for batch jobs
 * @param status {@code succeeded}, {@code succeeded_with_errors} or {@code failed}
 * @param files files read (null when the job reads no files)
 * @param bytes bytes read (null when not applicable)
 * @param events events written per log type
 * @param quarantined lines quarantined per source
 * @param fileErrors unreadable files
 * @param message a one-line summary, or the failure
 * @param metrics job-specific counts
 */
public record JobRun(String job, String runId, String target, Long batchId, Instant started, Instant finished,
    String status, Long files, Long bytes, Map<String, Long> events, Map<String, Long> quarantined, long fileErrors,
    String message, Map<String, Long> metrics) {
  public static final String SUCCEEDED = "succeeded";
  public static final String SUCCEEDED_WITH_ERRORS = "succeeded_with_errors";
  public static final String FAILED = "failed";

  public JobRun {
    requireNonNull(job, "job is null");
    requireNonNull(runId, "runId is null");
    requireNonNull(started, "started is null");
    requireNonNull(finished, "finished is null");
    requireNonNull(status, "status is null");
    events = events == null ? null : Map.copyOf(events);
    quarantined = quarantined == null ? null : Map.copyOf(quarantined);
    metrics = metrics == null ? null : Map.copyOf(metrics);
  }

  /** A batch job's run: no files, events or quarantine, just its outcome and counts. */
  public static JobRun of(String job, String runId, String target, Instant started, Instant finished, String status,
      String message, Map<String, Long> metrics) {
    return new JobRun(job, runId, target, null, started, finished, status, null, null, null, null, 0L, message,
        metrics);
  }

  /** The row in {@link SystemTables#JOB_RUNS_TYPE} order (Spark converts Java maps to map columns). */
  public Row toRow() {
    return RowFactory.create(job, runId, target, batchId, Timestamp.from(started), Timestamp.from(finished),
        finished.toEpochMilli() - started.toEpochMilli(), status, files, bytes, events, quarantined, fileErrors,
        message, metrics);
  }
}
