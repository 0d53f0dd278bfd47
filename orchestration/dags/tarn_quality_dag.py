"""Tarn: check data quality daily.

Runs `tarn quality ...` with the arguments of JOBS["quality"] in tarn_jobs.py, on the runner TARN_RUNNER names
(see tarn_operators.py). 01:30 UTC: yesterday is complete, so its volume is judged against its history. The task
fails (exit 1) when a check fails or a volume is anomalous; the results are in tarn_system.quality_results either way.
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, job_task

with DAG(
    dag_id="tarn_quality",
    description="check data quality daily",
    schedule="30 1 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One run at a time: two runs would check and record the same days twice.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["tarn"],
) as dag:
    job_task("quality")
