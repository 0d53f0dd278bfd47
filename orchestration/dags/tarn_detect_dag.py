"""Tarn: run detections over new log rows, 5 minutes after each ingest.

Runs `tarn detect ...` with the arguments of JOBS["detect"] in tarn_jobs.py, on the runner TARN_RUNNER names
(see tarn_operators.py). For deployments that do not run `tarn detect` continuously.
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, job_task

with DAG(
    dag_id="tarn_detect",
    description="run detections over new log rows, 5 minutes after each ingest",
    schedule="5,20,35,50 * * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One run at a time: the job's streaming checkpoint admits one query.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["tarn"],
) as dag:
    job_task("detect")
