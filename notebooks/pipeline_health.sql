-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Pipeline health
-- MAGIC
-- MAGIC Tarn's jobs record every run (each ingest or detect micro-batch, each maintenance run) in
-- MAGIC `tarn_system.job_runs`, with its status, duration and counts. This notebook shows runs and outcomes, durations,
-- MAGIC the lag since each job's last successful run per source or table, and what ingest quarantined and why.
-- MAGIC `tarn_system.quarantine` appears once a first line is quarantined; its cells are skipped until then.
-- MAGIC
-- MAGIC Parameter: `days` (default 7).

-- COMMAND ----------

CREATE WIDGET TEXT days DEFAULT '7';

-- COMMAND ----------

-- DBTITLE 1,Runs by job and outcome
-- chart: bar x=job y=runs series=status
SELECT job, status, count(*) AS runs, max(finished) AS last_finished
FROM tarn_system.job_runs
WHERE started >= date_sub(current_date(), cast(:days AS INT))
GROUP BY job, status
ORDER BY job, status

-- COMMAND ----------

-- DBTITLE 1,Durations per job
SELECT job, count(*) AS runs, round(avg(duration_ms) / 1000, 1) AS avg_s,
       round(percentile_approx(duration_ms, 0.5) / 1000, 1) AS p50_s,
       round(percentile_approx(duration_ms, 0.95) / 1000, 1) AS p95_s, round(max(duration_ms) / 1000, 1) AS max_s
FROM tarn_system.job_runs
WHERE started >= date_sub(current_date(), cast(:days AS INT))
GROUP BY job
ORDER BY job

-- COMMAND ----------

-- DBTITLE 1,Run durations per hour
-- chart: line x=hour y=avg_seconds series=job
SELECT date_trunc('HOUR', started) AS hour, job, round(avg(duration_ms) / 1000, 1) AS avg_seconds
FROM tarn_system.job_runs
WHERE started >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Lag since the last successful run, per job and source or table
SELECT job, source_id AS target,
       max(CASE WHEN status <> 'failed' THEN finished END) AS last_success,
       round((unix_timestamp(current_timestamp())
              - unix_timestamp(max(CASE WHEN status <> 'failed' THEN finished END))) / 60, 1) AS lag_minutes,
       max_by(status, finished) AS last_status, max_by(message, finished) AS last_message,
       count_if(status = 'failed') AS failures
FROM tarn_system.job_runs
GROUP BY job, source_id
ORDER BY lag_minutes DESC NULLS FIRST

-- COMMAND ----------

-- DBTITLE 1,Failed runs
SELECT finished, job, source_id AS target, run_id, batch_id, message
FROM tarn_system.job_runs
WHERE status = 'failed' AND started >= date_sub(current_date(), cast(:days AS INT))
ORDER BY finished DESC
LIMIT 100

-- COMMAND ----------

-- DBTITLE 1,Unreadable files
SELECT finished, source_id, file, file_error
FROM tarn_system.ingest_files
WHERE file_error IS NOT NULL AND finished >= date_sub(current_date(), cast(:days AS INT))
ORDER BY finished DESC
LIMIT 100

-- COMMAND ----------

-- DBTITLE 1,Quarantined lines per source per day
-- requires: tarn_system.quarantine
-- chart: line x=day y=lines series=source_id
SELECT to_date(quarantine_time) AS day, source_id, count(*) AS lines, count(DISTINCT file) AS files
FROM tarn_system.quarantine
WHERE quarantine_time >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Top quarantine reasons
-- requires: tarn_system.quarantine
-- chart: bar x=reason y=lines
SELECT substring(reason, 1, 120) AS reason, count(*) AS lines, count(DISTINCT file) AS files,
       max(quarantine_time) AS last_seen
FROM tarn_system.quarantine
WHERE quarantine_time >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1
ORDER BY lines DESC
LIMIT 20
