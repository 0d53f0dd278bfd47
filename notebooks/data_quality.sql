-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Data quality
-- MAGIC
-- MAGIC `tarn quality` runs Deequ checks on each table's daily partitions (`p_event_time` and `p_row_id` complete,
-- MAGIC `p_row_id` unique, `p_log_type` right, `p_any_*` arrays well-formed, the schema's required fields present) and
-- MAGIC judges each completed day's row count against its usual range. Every check of every run is a row of
-- MAGIC `tarn_system.quality_results`; the current state of a table's day is its latest run. This notebook shows the
-- MAGIC latest result per table and check, failures over time, metric and volume trends, and flagged volume anomalies.
-- MAGIC `tarn_system.quality_results` appears with the first `tarn quality` run; the cells are skipped until then.
-- MAGIC
-- MAGIC Parameters: `days` (default 28), `tables` (a `LIKE` pattern on `database.table`, default `%`: every table).

-- COMMAND ----------

CREATE WIDGET TEXT days DEFAULT '28';
CREATE WIDGET TEXT tables DEFAULT '%';

-- COMMAND ----------

-- DBTITLE 1,Latest result per table and check
-- requires: tarn_system.quality_results
SELECT * FROM (
  SELECT table_name, check_name, max_by(status, checked_at) AS status, max_by(p_date, checked_at) AS p_date,
         max_by(metric_value, checked_at) AS metric_value, max_by(message, checked_at) AS message,
         max(checked_at) AS checked_at
  FROM tarn_system.quality_results
  WHERE table_name LIKE :tables AND p_date >= date_sub(current_date(), cast(:days AS INT))
  GROUP BY table_name, check_name)
ORDER BY CASE status WHEN 'error' THEN 0 WHEN 'failed' THEN 1 WHEN 'skipped' THEN 2 ELSE 3 END, table_name, check_name

-- COMMAND ----------

-- DBTITLE 1,Latest run of each table's day (a temporary view)
-- requires: tarn_system.quality_results
CREATE OR REPLACE TEMPORARY VIEW nb_quality_current AS
SELECT r.*
FROM tarn_system.quality_results r
JOIN (SELECT table_name, p_date, max_by(run_id, checked_at) AS run_id
      FROM tarn_system.quality_results
      GROUP BY table_name, p_date) latest
  ON r.table_name = latest.table_name AND r.p_date = latest.p_date AND r.run_id = latest.run_id

-- COMMAND ----------

-- DBTITLE 1,Failed checks per day
-- requires: tarn_system.quality_results
-- chart: line x=p_date y=failed series=table_name
SELECT p_date, table_name, count_if(status IN ('failed', 'error')) AS failed, count(*) AS checks
FROM nb_quality_current
WHERE table_name LIKE :tables AND p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY p_date, table_name
ORDER BY p_date, table_name

-- COMMAND ----------

-- DBTITLE 1,Failing checks, with Deequ's message
-- requires: tarn_system.quality_results
SELECT p_date, table_name, check_name, status, metric_value, message, deequ_constraint, checked_at
FROM nb_quality_current
WHERE status IN ('failed', 'error') AND table_name LIKE :tables AND p_date >= date_sub(current_date(), cast(:days AS INT))
ORDER BY p_date DESC, table_name, check_name
LIMIT 200

-- COMMAND ----------

-- DBTITLE 1,Completeness and uniqueness per day (fraction of rows)
-- requires: tarn_system.quality_results
-- chart: line x=p_date y=metric_value series=metric
SELECT p_date, concat(table_name, ': ', check_name) AS metric, metric_value
FROM nb_quality_current
WHERE table_name LIKE :tables AND p_date >= date_sub(current_date(), cast(:days AS INT)) AND metric_value IS NOT NULL
  AND (check_name LIKE '% complete' OR check_name LIKE '% unique')
ORDER BY p_date, metric

-- COMMAND ----------

-- DBTITLE 1,Rows per day and their usual range
-- requires: tarn_system.quality_results
-- chart: line x=p_date y=row_count series=table_name
SELECT p_date, table_name, cast(metric_value AS BIGINT) AS row_count, expected_min, expected_max, status
FROM nb_quality_current
WHERE table_name LIKE :tables AND p_date >= date_sub(current_date(), cast(:days AS INT)) AND check_name = 'volume anomaly'
  AND metric_value IS NOT NULL
ORDER BY p_date, table_name

-- COMMAND ----------

-- DBTITLE 1,Volume anomalies flagged
-- requires: tarn_system.quality_results
SELECT p_date, table_name, cast(metric_value AS BIGINT) AS row_count, round(expected_min) AS expected_min,
       round(expected_max) AS expected_max, message, checked_at
FROM nb_quality_current
WHERE table_name LIKE :tables AND p_date >= date_sub(current_date(), cast(:days AS INT)) AND check_name = 'volume anomaly'
  AND status = 'failed'
ORDER BY p_date DESC, table_name
