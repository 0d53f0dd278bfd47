-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Alert triage
-- MAGIC
-- MAGIC Alerts themselves live in the alerts service's database (H2 or PostgreSQL), not in Delta. The service builds
-- MAGIC them from the findings tables this notebook reads: every match of a rule with the same dedup string
-- MAGIC (`p_alert_dedup`) inside the rule's dedup period (`p_rule_dedup_period_minutes`, 60 by default) becomes one
-- MAGIC alert, whose id is derived from the rule id, the dedup string and the window; an alert is raised once the
-- MAGIC window's count reaches the rule's `Threshold`, and rules with `CreateAlert: false` only record signals. So a
-- MAGIC (rule, dedup) group below is one or more alerts of the service (one per dedup window); the service's
-- MAGIC `GET /api/v1/alerts?ruleId=...` lists them with status and assignee, and `GET /api/v1/alerts/<id>` shows the
-- MAGIC same events as the last cells here.
-- MAGIC
-- MAGIC Parameters: `rule_id` and `dedup` choose the group whose events are shown; `days` limits by event date.

-- COMMAND ----------

CREATE WIDGET TEXT rule_id DEFAULT 'AWS.Console.SignInFailures';
CREATE WIDGET TEXT dedup DEFAULT '203.0.113.77';
CREATE WIDGET TEXT days DEFAULT '30';

-- COMMAND ----------

-- DBTITLE 1,Matches of every findings table (a temporary view)
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
CREATE OR REPLACE TEMPORARY VIEW nb_triage_matches AS
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_alert_title, p_alert_context, p_event_time, p_detect_time, p_date,
       p_log_type, p_row_id, p_match_id, p_rule_dedup_period_minutes, p_rule_threshold, p_rule_create_alert
FROM panther_rule_matches.aws_cloudtrail
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_alert_title, p_alert_context, p_event_time, p_detect_time, p_date,
       p_log_type, p_row_id, p_match_id, p_rule_dedup_period_minutes, p_rule_threshold, p_rule_create_alert
FROM panther_rule_matches.aws_s3serveraccess
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_alert_title, p_alert_context, p_event_time, p_detect_time, p_date,
       p_log_type, p_row_id, p_match_id, p_rule_dedup_period_minutes, p_rule_threshold, p_rule_create_alert
FROM panther_rule_matches.aws_vpcflow
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_alert_title, p_alert_context, p_event_time, p_detect_time, p_date,
       p_log_type, p_row_id, p_match_id, p_rule_dedup_period_minutes, p_rule_threshold, p_rule_create_alert
FROM panther_rule_matches.github_audit
UNION ALL
SELECT p_rule_id, p_alert_severity, p_alert_dedup, p_alert_title, p_alert_context, p_event_time, p_detect_time, p_date,
       p_log_type, p_row_id, p_match_id, p_rule_dedup_period_minutes, p_rule_threshold, p_rule_create_alert
FROM panther_rule_matches.okta_systemlog

-- COMMAND ----------

-- DBTITLE 1,Groups by severity (rules that create alerts)
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
-- chart: bar x=severity y=groups
SELECT p_alert_severity AS severity, count(DISTINCT p_rule_id, p_alert_dedup) AS groups, count(*) AS matches
FROM nb_triage_matches
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND p_rule_create_alert
GROUP BY p_alert_severity
ORDER BY CASE p_alert_severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END

-- COMMAND ----------

-- DBTITLE 1,Groups (rule + dedup), most severe and most recent first
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
SELECT p_rule_id, p_alert_dedup,
       element_at(array_sort(collect_set(p_alert_severity), (a, b) ->
         CASE WHEN a = b THEN 0 WHEN array_position(array('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'), a)
           < array_position(array('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'), b) THEN -1 ELSE 1 END), 1) AS severity,
       count(*) AS matches, min(p_event_time) AS first_seen, max(p_event_time) AS last_seen,
       max(p_rule_threshold) AS threshold, max(p_rule_dedup_period_minutes) AS dedup_minutes,
       bool_or(p_rule_create_alert) AS creates_alerts, max_by(p_alert_title, p_event_time) AS latest_title
FROM nb_triage_matches
WHERE p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY p_rule_id, p_alert_dedup
ORDER BY array_position(array('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'), severity), last_seen DESC

-- COMMAND ----------

-- DBTITLE 1,Matches of the chosen group per hour
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
-- chart: line x=hour y=matches
SELECT date_trunc('HOUR', p_event_time) AS hour, count(*) AS matches
FROM nb_triage_matches
WHERE p_rule_id = :rule_id AND p_alert_dedup = :dedup AND p_date >= date_sub(current_date(), cast(:days AS INT))
GROUP BY 1
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Events of the chosen group
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
SELECT p_event_time, p_log_type, p_alert_title, p_alert_severity, p_alert_context, p_detect_time, p_row_id
FROM nb_triage_matches
WHERE p_rule_id = :rule_id AND p_alert_dedup = :dedup AND p_date >= date_sub(current_date(), cast(:days AS INT))
ORDER BY p_event_time DESC
LIMIT 500

-- COMMAND ----------

-- DBTITLE 1,CloudTrail fields of the chosen group's events
-- requires: panther_rule_matches.aws_cloudtrail
SELECT eventTime, eventName, eventSource, sourceIPAddress, userIdentity.arn AS identity, errorCode, errorMessage,
       userAgent
FROM panther_rule_matches.aws_cloudtrail
WHERE p_rule_id = :rule_id AND p_alert_dedup = :dedup AND p_date >= date_sub(current_date(), cast(:days AS INT))
ORDER BY p_event_time DESC
LIMIT 500
