# Generated from dev.tarn.orchestration.jobs.JobCatalog: do not edit. Regenerate with
#   ./mvnw -o -q -pl orchestration test -Dtest=GeneratedDefinitionsTest -Dtarn.regenerate=true
"""Tarn's batch jobs as the DAGs run them: tarn CLI arguments, schedule (cron, UTC) and params.

A whole argument "{{ params.NAME }}" is an Airflow template filled from the DAG run's params.
"""

MAIN_CLASS = "dev.tarn.cli.TarnCli"
# Delta's jars on EMR Serverless (EMR clusters get them from the delta-defaults classification).
EMR_SERVERLESS_DELTA_JARS = "/usr/share/aws/delta/lib/delta-spark.jar,/usr/share/aws/delta/lib/delta-storage.jar"

JOBS = {
    "ingest": {
        "dag_id": "tarn_ingest",
        "description": "Ingest the files landed since the last run into panther_logs (AvailableNow)",
        "args": ["ingest", "--once"],
        "schedule": "*/15 * * * *",
        "params": {},
    },
    "detect": {
        "dag_id": "tarn_detect",
        "description": "Run detections over the log rows added since the last run",
        "args": ["detect", "--once"],
        "schedule": "5,20,35,50 * * * *",
        "params": {},
    },
    "scheduled": {
        "dag_id": "tarn_scheduled",
        "description": "Run the scheduled queries that are due and their scheduled rules",
        "args": ["scheduled", "--once"],
        "schedule": "*/5 * * * *",
        "params": {},
    },
    "maintain": {
        "dag_id": "tarn_maintain",
        "description": "Compact, vacuum and apply retention to the lake's Delta tables",
        "args": ["maintain"],
        "schedule": "0 * * * *",
        "params": {},
    },
    "gluesync": {
        "dag_id": "tarn_gluesync",
        "description": "Bring the Glue catalog's tables and partitions in line with the lake",
        "args": ["gluesync"],
        "schedule": "0 3 * * *",
        "params": {},
    },
    "health": {
        "dag_id": "tarn_health",
        "description": "Evaluate the alarm rules and record firing alarms for the alerts service",
        "args": ["health"],
        "schedule": "*/15 * * * *",
        "params": {},
    },
    "quality": {
        "dag_id": "tarn_quality",
        "description": "Run the data quality checks and the volume anomaly check on the log tables",
        "args": ["quality"],
        "schedule": "30 1 * * *",
        "params": {},
    },
    "backfill": {
        "dag_id": "tarn_backfill",
        "description": "Ingest one source's files under a prefix again, for a time range",
        "args": ["backfill", "--source", "{{ params.source }}", "--prefix", "{{ params.prefix }}", "--from", "{{ params.from }}", "--to", "{{ params.to }}"],
        "schedule": None,
        "params": {
            "source": {"description": "the id of a source in tarn.yaml", "example": "cloudtrail-prod"},
            "prefix": {"description": "the key prefix under the source's location to read again", "example": "AWSLogs/123456789012/CloudTrail/us-east-1/2024/06/01/"},
            "from": {"description": "start of the event-time range (ISO-8601, inclusive)", "example": "2024-06-01T00:00:00Z"},
            "to": {"description": "end of the event-time range (ISO-8601, exclusive)", "example": "2024-06-02T00:00:00Z"},
        },
    },
}
