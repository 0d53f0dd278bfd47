package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import dev.tarn.lake.JobRun;
import java.time.Instant;

/**
 * The latest run of one job on one target, from {@code tarn_system.job_runs}.
 *
 * @param job the job ({@code ingest}, {@code detect}, {@code maintain}, ...)
 * @param target what the run worked on (a source id, a table), or null for jobs without one
 * @param status {@link JobRun#SUCCEEDED}, {@link JobRun#SUCCEEDED_WITH_ERRORS} or {@link JobRun#FAILED}
 * @param message the run's summary or failure (may be null)
 */
public record JobStatus(String job, String target, Instant started, Instant finished, String status,
    String message) {
  public JobStatus {
    requireNonNull(job, "job is null");
    requireNonNull(finished, "finished is null");
    requireNonNull(status, "status is null");
  }

  public boolean failed() {
    return JobRun.FAILED.equals(status);
  }

  /** The alarm subject: the job, or {@code job/target}, so each failing target alarms (and dedups) on its own. */
  public String subject() {
    return target == null ? job : job + "/" + target;
  }
}
