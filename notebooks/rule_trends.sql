-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Rule match and error trends
-- MAGIC
-- MAGIC Matches per rule over time (by event time), the rules that match most, and rule errors (exceptions raised by a
-- MAGIC rule's Python, which Tarn records instead of stopping). Error tables exist only once a rule has failed; their
-- MAGIC cells are skipped until then.
-- MAGIC
-- MAGIC Parameters: `days`, and `granularity` (`DAY` or `HOUR`) for the trend charts.

-- COMMAND ----------

CREATE WIDGET TEXT days DEFAULT '28';
CREATE WIDGET TEXT granularity DEFAULT 'DAY';

-- COMMAND ----------

-- DBTITLE 1,Matches of every findings table (a temporary view)
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
CREATE OR REPLACE TEMPORARY VIEW nb_trend_matches AS
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_event_time, p_date, p_log_type FROM panther_rule_matches.aws_cloudtrail
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_event_time, p_date, p_log_type FROM panther_rule_matches.aws_s3serveraccess
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_event_time, p_date, p_log_type FROM panther_rule_matches.aws_vpcflow
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_event_time, p_date, p_log_type FROM panther_rule_matches.github_audit
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_event_time, p_date, p_log_type FROM panther_rule_matches.okta_systemlog

-- COMMAND ----------

-- DBTITLE 1,Matches per rule over time
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
-- chart: line x=period y=matches series=p_rule_id
SELECT date_trunc(:granularity, p_event_time) AS period, p_rule_id, count(*) AS matches
FROM nb_trend_matches
WHERE p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Rules by matches
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
-- chart: bar x=p_rule_id y=matches
SELECT p_rule_id, p_log_type, max(p_alert_severity) AS severity, count(*) AS matches,
       count(DISTINCT p_alert_dedup) AS dedup_groups, min(p_event_time) AS first_seen, max(p_event_time) AS last_seen
FROM nb_trend_matches
WHERE p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY p_rule_id, p_log_type
ORDER BY matches DESC

-- COMMAND ----------

-- DBTITLE 1,Matches per log type over time
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
-- chart: line x=period y=matches series=p_log_type
SELECT date_trunc(:granularity, p_event_time) AS period, p_log_type, count(*) AS matches
FROM nb_trend_matches
WHERE p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Rule errors over time (every table, via panther_views.all_rule_errors)
-- requires: panther_views.all_rule_errors
-- chart: line x=period y=errors series=p_rule_id
SELECT date_trunc(:granularity, p_event_time) AS period, p_rule_id, count(*) AS errors
FROM panther_views.all_rule_errors
WHERE p_event_time >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,CloudTrail rule errors by rule and error
-- requires: panther_rule_errors.aws_cloudtrail
-- chart: bar x=p_rule_id y=errors
SELECT p_rule_id, substring(p_rule_error, 1, 200) AS error, count(*) AS errors, max(p_event_time) AS last_seen
FROM panther_rule_errors.aws_cloudtrail
WHERE p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1, 2
ORDER BY errors DESC
LIMIT 50
