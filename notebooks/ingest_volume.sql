-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Ingest volume and forecast
-- MAGIC
-- MAGIC Events and bytes ingested per log type per day over the last weeks, from `tarn_system.ingest_files` (one row
-- MAGIC per ingested file, with its events per log type), and a simple linear projection of each log type's daily
-- MAGIC volume: Panther's cost-forecast view, for a lake whose cost follows what it ingests.
-- MAGIC
-- MAGIC Parameter: `weeks` (default 4).

-- COMMAND ----------

CREATE WIDGET TEXT weeks DEFAULT '4';

-- COMMAND ----------

-- DBTITLE 1,Events per log type per day
-- chart: line x=day y=events series=log_type
SELECT to_date(finished) AS day, log_type, sum(count) AS events
FROM tarn_system.ingest_files LATERAL VIEW explode(events) e AS log_type, count
WHERE finished >= date_sub(current_date(), 7 * cast(:weeks AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Bytes per source per day
-- chart: line x=day y=megabytes series=source_id
SELECT to_date(finished) AS day, source_id, round(sum(bytes) / 1048576, 3) AS megabytes, count(*) AS files,
       sum(lines_read) AS lines
FROM tarn_system.ingest_files
WHERE finished >= date_sub(current_date(), 7 * cast(:weeks AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Totals per log type
-- chart: bar x=log_type y=events
SELECT log_type, sum(count) AS events, count(DISTINCT to_date(finished)) AS days,
       round(sum(count) / count(DISTINCT to_date(finished))) AS events_per_active_day
FROM tarn_system.ingest_files LATERAL VIEW explode(events) e AS log_type, count
WHERE finished >= date_sub(current_date(), 7 * cast(:weeks AS INT))
GROUP BY log_type
ORDER BY events DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Projection
-- MAGIC
-- MAGIC A least-squares line through each log type's daily totals (days without ingest count as missing, not zero),
-- MAGIC extended 7 and 30 days ahead. With a single day of history the trend is flat (the daily average). A rough
-- MAGIC guide for capacity and cost, not a seasonal model.

-- COMMAND ----------

-- DBTITLE 1,Linear projection per log type
-- chart: bar x=log_type y=projected_next_30_days
WITH daily AS (
  SELECT log_type, to_date(finished) AS ingest_day, sum(count) AS events
  FROM tarn_system.ingest_files LATERAL VIEW explode(events) e AS log_type, count
  WHERE finished >= date_sub(current_date(), 7 * cast(:weeks AS INT))
  GROUP BY 1, 2
), fit AS (
  SELECT log_type, count(*) AS days, sum(events) AS total, avg(events) AS per_day,
         coalesce(regr_slope(events, datediff(ingest_day, current_date())), 0) AS slope,
         coalesce(regr_intercept(events, datediff(ingest_day, current_date())), avg(events)) AS intercept
  FROM daily
  GROUP BY log_type
)
SELECT log_type, days AS days_with_data, total AS events_in_window, round(per_day) AS average_per_day,
       round(slope, 1) AS trend_per_day,
       greatest(0, round(intercept + 7 * slope)) AS projected_day_in_7_days,
       -- the sum of the line over days 1..30 ahead: 30 * intercept + slope * (1 + 2 + ... + 30)
       greatest(0, round(30 * intercept + 465 * slope)) AS projected_next_30_days
FROM fit
ORDER BY projected_next_30_days DESC
