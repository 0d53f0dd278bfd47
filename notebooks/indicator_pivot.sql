-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Indicator pivot
-- MAGIC
-- MAGIC Where does an indicator (an IP address, email, user name, domain, AWS account or ARN) appear across the logs?
-- MAGIC Every normalized row carries Panther's `p_any_*` indicator arrays; this notebook searches them in the log
-- MAGIC tables of the demo sources (CloudTrail, S3 access, VPC flow, Okta, GitHub). Add a branch to the union for each
-- MAGIC further table you ingest, or use `panther_views.all_logs` (last cell) where it exists.
-- MAGIC
-- MAGIC Parameters: `indicator` (the value to look for) and `days` (how far back, by event date).

-- COMMAND ----------

CREATE WIDGET TEXT indicator DEFAULT '203.0.113.77';
CREATE WIDGET TEXT days DEFAULT '30';

-- COMMAND ----------

-- DBTITLE 1,Indicators of every event (a temporary view)
CREATE OR REPLACE TEMPORARY VIEW nb_pivot_indicators AS
SELECT p_log_type, p_event_time, p_date, p_source_label, p_row_id,
       concat(coalesce(p_any_ip_addresses, array()), coalesce(p_any_domain_names, array()),
              coalesce(p_any_aws_account_ids, array()), coalesce(p_any_aws_arns, array())) AS indicators
FROM panther_logs.aws_cloudtrail
UNION ALL
SELECT p_log_type, p_event_time, p_date, p_source_label, p_row_id,
       concat(coalesce(p_any_ip_addresses, array()), coalesce(p_any_domain_names, array()),
              coalesce(p_any_aws_account_ids, array()), coalesce(p_any_aws_arns, array()))
FROM panther_logs.aws_s3serveraccess
UNION ALL
SELECT p_log_type, p_event_time, p_date, p_source_label, p_row_id,
       concat(coalesce(p_any_ip_addresses, array()), coalesce(p_any_aws_account_ids, array()),
              coalesce(p_any_aws_instance_ids, array()))
FROM panther_logs.aws_vpcflow
UNION ALL
SELECT p_log_type, p_event_time, p_date, p_source_label, p_row_id,
       concat(coalesce(p_any_ip_addresses, array()), coalesce(p_any_emails, array()),
              coalesce(p_any_usernames, array()))
FROM panther_logs.github_audit
UNION ALL
SELECT p_log_type, p_event_time, p_date, p_source_label, p_row_id,
       concat(coalesce(p_any_ip_addresses, array()), coalesce(p_any_emails, array()),
              coalesce(p_any_domain_names, array()))
FROM panther_logs.okta_systemlog

-- COMMAND ----------

-- DBTITLE 1,Where the indicator appears
-- chart: bar x=p_log_type y=events
SELECT p_log_type, count(*) AS events, min(p_event_time) AS first_seen, max(p_event_time) AS last_seen
FROM nb_pivot_indicators
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND array_contains(indicators, :indicator)
GROUP BY p_log_type
ORDER BY events DESC

-- COMMAND ----------

-- DBTITLE 1,Activity per hour
-- chart: line x=hour y=events series=p_log_type
SELECT date_trunc('HOUR', p_event_time) AS hour, p_log_type, count(*) AS events
FROM nb_pivot_indicators
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND array_contains(indicators, :indicator)
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,CloudTrail calls with the indicator
SELECT eventTime, eventName, eventSource, sourceIPAddress, userIdentity.arn AS identity, errorCode, awsRegion
FROM panther_logs.aws_cloudtrail
WHERE p_date >= date_sub(current_date(), cast(:days AS INT))
  AND (array_contains(p_any_ip_addresses, :indicator) OR array_contains(p_any_aws_arns, :indicator)
       OR array_contains(p_any_aws_account_ids, :indicator) OR array_contains(p_any_domain_names, :indicator))
ORDER BY p_event_time DESC
LIMIT 200

-- COMMAND ----------

-- DBTITLE 1,Rule matches on events with the indicator
-- requires: panther_rule_matches.aws_cloudtrail, panther_rule_matches.aws_s3serveraccess, panther_rule_matches.aws_vpcflow, panther_rule_matches.github_audit, panther_rule_matches.okta_systemlog
-- chart: bar x=p_rule_id y=matches
SELECT p_rule_id, max(p_alert_severity) AS severity, count(*) AS matches, min(p_event_time) AS first_seen,
       max(p_event_time) AS last_seen
FROM (
  SELECT p_rule_id, p_alert_severity, p_event_time, p_date, p_any_ip_addresses AS ips FROM panther_rule_matches.aws_cloudtrail
  UNION ALL
  SELECT p_rule_id, p_alert_severity, p_event_time, p_date, p_any_ip_addresses FROM panther_rule_matches.aws_s3serveraccess
  UNION ALL
  SELECT p_rule_id, p_alert_severity, p_event_time, p_date, p_any_ip_addresses FROM panther_rule_matches.aws_vpcflow
  UNION ALL
  SELECT p_rule_id, p_alert_severity, p_event_time, p_date, p_any_ip_addresses FROM panther_rule_matches.github_audit
  UNION ALL
  SELECT p_rule_id, p_alert_severity, p_event_time, p_date, p_any_ip_addresses FROM panther_rule_matches.okta_systemlog
)
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND array_contains(ips, :indicator)
GROUP BY p_rule_id
ORDER BY matches DESC

-- COMMAND ----------

-- DBTITLE 1,Every log table (panther_views.all_logs, where it exists)
-- requires: panther_views.all_logs
SELECT p_log_type, count(*) AS events, min(p_event_time) AS first_seen, max(p_event_time) AS last_seen
FROM panther_views.all_logs
WHERE p_event_time >= date_sub(current_date(), cast(:days AS INT)) AND array_contains(p_any_ip_addresses, :indicator)
GROUP BY p_log_type
ORDER BY events DESC
