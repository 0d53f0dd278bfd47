-- Databricks notebook source
-- MAGIC %md
-- MAGIC # User activity timeline
-- MAGIC
-- MAGIC Everything one person did, in time order, across CloudTrail (IAM user name or the last part of the ARN), S3
-- MAGIC access logs (requester ARN), Okta (login, without the email domain) and GitHub (login, which is often different:
-- MAGIC set `github_login`).
-- MAGIC
-- MAGIC Parameters: `user`, `github_login`, `days`.

-- COMMAND ----------

CREATE WIDGET TEXT user DEFAULT 'bob.martin';
CREATE WIDGET TEXT github_login DEFAULT 'bobm-ex';
CREATE WIDGET TEXT days DEFAULT '30';

-- COMMAND ----------

-- DBTITLE 1,Actions of every identity (a temporary view)
CREATE OR REPLACE TEMPORARY VIEW nb_user_actions AS
SELECT p_event_time, p_date, p_log_type,
       coalesce(userIdentity.userName, regexp_extract(userIdentity.arn, '([^/:]+)$', 1)) AS who,
       eventName AS action, eventSource AS target, sourceIPAddress AS ip, coalesce(errorCode, 'ok') AS outcome
FROM panther_logs.aws_cloudtrail
UNION ALL
SELECT p_event_time, p_date, p_log_type, regexp_extract(requester, '([^/:]+)$', 1), operation,
       concat(bucket, '/', coalesce(key, '')), remoteip, cast(httpstatus AS STRING)
FROM panther_logs.aws_s3serveraccess
UNION ALL
SELECT p_event_time, p_date, p_log_type, regexp_extract(actor.alternateId, '^([^@]+)', 1), eventType, displayMessage,
       client.ipAddress, outcome.result
FROM panther_logs.okta_systemlog
UNION ALL
SELECT p_event_time, p_date, p_log_type, actor, action, repo, actor_ip, CAST(NULL AS STRING)
FROM panther_logs.github_audit

-- COMMAND ----------

-- DBTITLE 1,Activity per hour
-- chart: line x=hour y=actions series=p_log_type
SELECT date_trunc('HOUR', p_event_time) AS hour, p_log_type, count(*) AS actions
FROM nb_user_actions
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND who IN (:user, :github_login)
GROUP BY 1, 2
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,Most frequent actions
-- chart: bar x=action y=times
SELECT action, p_log_type, count(*) AS times, max(p_event_time) AS last_time
FROM nb_user_actions
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND who IN (:user, :github_login)
GROUP BY 1, 2
ORDER BY times DESC
LIMIT 25

-- COMMAND ----------

-- DBTITLE 1,Source IP addresses
SELECT ip, count(*) AS actions, collect_set(p_log_type) AS log_types, min(p_event_time) AS first_seen,
       max(p_event_time) AS last_seen
FROM nb_user_actions
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND who IN (:user, :github_login) AND ip IS NOT NULL
GROUP BY ip
ORDER BY actions DESC

-- COMMAND ----------

-- DBTITLE 1,Timeline (latest first)
SELECT p_event_time, p_log_type, action, target, ip, outcome
FROM nb_user_actions
WHERE p_date >= date_sub(current_date(), cast(:days AS INT)) AND who IN (:user, :github_login)
ORDER BY p_event_time DESC
LIMIT 500
