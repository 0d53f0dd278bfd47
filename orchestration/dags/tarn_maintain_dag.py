"""Tarn: maintain the lake's Delta tables hourly.

Runs `tarn maintain ...` with the arguments of JOBS["maintain"] in tarn_jobs.py, on the runner TARN_RUNNER names
(see tarn_operators.py).
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, job_task

with DAG(
    dag_id="tarn_maintain",
    description="maintain the lake's Delta tables hourly",
    schedule="0 * * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One run at a time: the job's streaming checkpoint admits one query.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["tarn"],
) as dag:
    job_task("maintain")
