"""Tarn: sync the Glue catalog with the lake daily.

Runs `tarn gluesync ...` with the arguments of JOBS["gluesync"] in tarn_jobs.py, on the runner TARN_RUNNER names
(see tarn_operators.py).
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, job_task

with DAG(
    dag_id="tarn_gluesync",
    description="sync the Glue catalog with the lake daily",
    schedule="0 3 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One run at a time: the job's streaming checkpoint admits one query.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["tarn"],
) as dag:
    job_task("gluesync")
