"""Tarn: evaluate the alarm rules every 15 minutes.

Runs `tarn health ...` with the arguments of JOBS["health"] in tarn_jobs.py, on the runner TARN_RUNNER names
(see tarn_operators.py). Firing alarms become rows of tarn_system_errors.health, which the alerts service delivers;
the task itself succeeds whenever the evaluation ran (exit 0), so a failed task means health could not run at all.
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, job_task

with DAG(
    dag_id="tarn_health",
    description="evaluate the alarm rules every 15 minutes",
    schedule="*/15 * * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One run at a time: an evaluation that overlaps the next would judge the same signals twice.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["tarn"],
) as dag:
    job_task("health")
