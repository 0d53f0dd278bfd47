"""Tarn: backfill one source's files under a prefix for a time range, when a data engineer triggers it.

Trigger from the UI (the form asks for the params), with `tarn airflow trigger backfill --source ID --prefix PATH
--from TIME --to TIME`, or through the REST API with {"conf": {"source": ..., "prefix": ..., "from": ..., "to": ...}}.
Runs `tarn backfill ...` with the arguments of JOBS["backfill"] in tarn_jobs.py on the runner TARN_RUNNER names.
"""

import pendulum
from airflow import DAG

from tarn_operators import DEFAULT_ARGS, dag_params, job_task

with DAG(
    dag_id="tarn_backfill",
    description="backfill a source's files under a prefix for a time range",
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    # One backfill at a time: a second trigger queues behind the first instead of competing for the cluster.
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    params=dag_params("backfill"),
    tags=["tarn"],
) as dag:
    job_task("backfill")
