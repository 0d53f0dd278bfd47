"""Tarn: ingest landed files every 15 minutes.

Runs `tarn ingest ...` with the arguments of JOBS["ingest"] in tarn_jobs.py, on the runner TARN_RUNNER names
(see tarn_operators.py). For deployments that do not run `tarn ingest` continuously.
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, job_task

with DAG(
    dag_id="tarn_ingest",
    description="ingest landed files every 15 minutes",
    schedule="*/15 * * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One run at a time: the job's streaming checkpoint admits one query.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["tarn"],
) as dag:
    job_task("ingest")
