"""Builds the Airflow task that runs one Tarn job, on the runner this Airflow deployment uses.

The runner is one setting, the environment variable TARN_RUNNER of the scheduler and workers:
  spark-submit    SparkSubmitOperator (apache-airflow-providers-apache-spark), connection TARN_SPARK_CONN_ID
  emr             EmrAddStepsOperator + EmrStepSensor on a running EMR cluster (apache-airflow-providers-amazon)
  emr-serverless  EmrServerlessStartJobRunOperator (apache-airflow-providers-amazon)
  databricks      DatabricksSubmitRunOperator on an existing cluster (apache-airflow-providers-databricks)
It is read when the DAGs are parsed (it picks the operator class); only the chosen provider needs installing.

Where things are comes from Airflow Variables, read when a task runs (Jinja), never at parse time:
  tarn_jar                              the assembly jar (local path, s3:// or dbfs:/ as the runner needs)
  tarn_config                           tarn.yaml: s3:// (shipped with --files; the driver reads ./tarn.yaml),
                                        or for databricks a path the driver can read (passed as --config)
  tarn_emr_cluster_id                   emr: the cluster (j-...)
  tarn_emr_serverless_application_id    emr-serverless: the application
  tarn_emr_serverless_role_arn          emr-serverless: the job runtime role
  tarn_databricks_cluster_id            databricks: the cluster the runs use
The job arguments come only from tarn_jobs.py (generated from Tarn's job catalog).
"""

import os
from datetime import timedelta

from tarn_jobs import EMR_SERVERLESS_DELTA_JARS, JOBS, MAIN_CLASS

RUNNERS = ("spark-submit", "emr", "emr-serverless", "databricks")

# Retries cover a cluster hiccup; each job is idempotent, so running it again is safe.
DEFAULT_ARGS = {
    "owner": "tarn",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
}


def runner():
    """The runner named by TARN_RUNNER (default spark-submit)."""
    name = os.environ.get("TARN_RUNNER", "spark-submit")
    if name not in RUNNERS:
        raise ValueError("TARN_RUNNER=%s is not a Tarn runner (expected one of %s)" % (name, ", ".join(RUNNERS)))
    return name


def job_task(job_id):
    """The task (the last one, for runners that need two) that runs JOBS[job_id] on the configured runner."""
    if job_id not in JOBS:
        raise KeyError("No Tarn job %s in tarn_jobs.py (jobs: %s)" % (job_id, ", ".join(JOBS)))
    return _BUILDERS[runner()](job_id, list(JOBS[job_id]["args"]))


def dag_params(job_id):
    """The DAG params a trigger of JOBS[job_id] fills in (all required strings)."""
    from airflow.models.param import Param

    return {
        name: Param(None, type="string", minLength=1, description=spec["description"])
        for name, spec in JOBS[job_id]["params"].items()
    }


def _var(name):
    return "{{ var.value.tarn_%s }}" % name


def _spark_submit(job_id, args):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    return SparkSubmitOperator(
        task_id=job_id,
        conn_id=os.environ.get("TARN_SPARK_CONN_ID", "spark_default"),
        application=_var("jar"),
        java_class=MAIN_CLASS,
        # Optional here: in client mode on the worker, ./tarn.yaml or TARN_* variables may configure Tarn instead.
        files="{{ var.value.get('tarn_config', '') }}",
        name="tarn-" + job_id,
        application_args=args,
    )


def _emr(job_id, args):
    from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator
    from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

    aws_conn_id = os.environ.get("TARN_AWS_CONN_ID", "aws_default")
    add = EmrAddStepsOperator(
        task_id=job_id + "_add_step",
        job_flow_id=_var("emr_cluster_id"),
        aws_conn_id=aws_conn_id,
        steps=[{
            "Name": "tarn " + job_id,
            "ActionOnFailure": "CONTINUE",
            "HadoopJarStep": {
                "Jar": "command-runner.jar",
                "Args": ["spark-submit", "--deploy-mode", "cluster", "--class", MAIN_CLASS,
                         "--files", _var("config"), _var("jar")] + args,
            },
        }],
    )
    watch = EmrStepSensor(
        task_id=job_id,
        job_flow_id=_var("emr_cluster_id"),
        step_id="{{ task_instance.xcom_pull(task_ids='%s', key='return_value')[0] }}" % add.task_id,
        aws_conn_id=aws_conn_id,
    )
    add >> watch
    return watch


def _emr_serverless(job_id, args):
    from airflow.providers.amazon.aws.operators.emr import EmrServerlessStartJobRunOperator

    return EmrServerlessStartJobRunOperator(
        task_id=job_id,
        application_id=_var("emr_serverless_application_id"),
        execution_role_arn=_var("emr_serverless_role_arn"),
        aws_conn_id=os.environ.get("TARN_AWS_CONN_ID", "aws_default"),
        name="tarn-" + job_id,
        job_driver={"sparkSubmit": {
            "entryPoint": _var("jar"),
            "entryPointArguments": args,
            "sparkSubmitParameters": "--class %s --files %s --conf spark.jars=%s"
                                     % (MAIN_CLASS, _var("config"), EMR_SERVERLESS_DELTA_JARS),
        }},
        wait_for_completion=True,
    )


def _databricks(job_id, args):
    from airflow.providers.databricks.operators.databricks import DatabricksSubmitRunOperator

    return DatabricksSubmitRunOperator(
        task_id=job_id,
        databricks_conn_id=os.environ.get("TARN_DATABRICKS_CONN_ID", "databricks_default"),
        run_name="tarn-" + job_id,
        existing_cluster_id=_var("databricks_cluster_id"),
        libraries=[{"jar": _var("jar")}],
        spark_jar_task={"main_class_name": MAIN_CLASS, "parameters": args + ["--config", _var("config")]},
    )


_BUILDERS = {
    "spark-submit": _spark_submit,
    "emr": _emr,
    "emr-serverless": _emr_serverless,
    "databricks": _databricks,
}
