package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.MaintainConfig;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs maintain every {@code maintain.interval} on a background thread of a long-running job (continuous
 * {@code tarn ingest} on one machine), in the job's SparkSession. A failed run is logged and recorded in job_runs;
 * it never stops the job it runs beside.
 */
public final class MaintainLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaintainLoop.class);

  private final SparkSession spark;
  private final Lake lake;
  private final MaintainJob job;
  private final ScheduledExecutorService executor;

  private MaintainLoop(SparkSession spark, Lake lake, MaintainConfig config) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.job = new MaintainJob(spark, lake, config, Clock.systemUTC());
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tarn-maintain");
      t.setDaemon(true);
      return t;
    });
    long every = config.interval().toMillis();
    // The first run waits one interval: the job it runs beside gets the machine first.
    executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  /** Starts the loop, or returns empty when {@code maintain.interval} is 0. */
  public static Optional<MaintainLoop> start(SparkSession spark, Lake lake, MaintainConfig config) {
    return config.interval().isZero() ? Optional.empty() : Optional.of(new MaintainLoop(spark, lake, config));
  }

  void runOnce() {
    Instant started = Instant.now();
    try {
      MaintainReport report = job.run(MaintainOptions.all());
      for (TableOutcome t : report.tables()) {
        if (t.failed()) {
          LOG.warn("maintain {}: {}", t.table().name(), t.message());
        } else {
          LOG.info("maintain {}: {}", t.table().name(), t.message());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("maintain run failed; it runs again after maintain.interval", e);
      try {
        JobRuns.append(spark, new LakeTables(spark, lake), JobRun.of(MaintainJob.JOB, UUID.randomUUID().toString(),
            null, started, Instant.now(), JobRun.FAILED, String.valueOf(e.getMessage()), Map.of()));
      } catch (RuntimeException recordFailure) {
        LOG.error("cannot record the failed maintain run in job_runs", recordFailure);
      }
    }
  }

  /** Stops scheduling; a run in progress may finish its current table for up to a minute. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
