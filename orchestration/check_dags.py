#!/usr/bin/env python3
"""Checks Tarn's Airflow DAG files against tarn_jobs.py without importing Airflow (it parses them with ast).

For each job in tarn_jobs.py there must be exactly one DAG, with dag_id JOBS[job]["dag_id"], the job's schedule
(a literal string, or None for a triggered job), catchup=False, params=dag_params(job) when the job has params, and
its tasks built with job_task(job), so that their commands are the job's arguments. Operators built directly in a
DAG file are reported: job arguments come only from tarn_jobs.py.

Usage: check_dags.py [DAGS_DIR]   (default: the dags/ directory next to this file). Exit 0 when all match, else 1
with one line per difference.
"""

import ast
import os
import sys

SUPPORT_FILES = ("tarn_jobs.py", "tarn_operators.py")
OPERATOR_SUFFIXES = ("Operator", "Sensor")


def load_jobs(dags_dir):
    path = os.path.join(dags_dir, "tarn_jobs.py")
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "JOBS" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit("%s: no JOBS = {...} assignment" % path)


def _name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _string_arg(call):
    if len(call.args) == 1 and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def read_dag_file(path):
    """The DAGs a file defines: [{dag_id, schedule, catchup, params_job, jobs, problems}]."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    dags, jobs, problems = [], [], []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "DAG":
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            dag = {"schedule": "<missing>", "catchup": "<missing>", "params_job": None, "dag_id": None}
            dag_id = kw.get("dag_id", node.args[0] if node.args else None)
            if isinstance(dag_id, ast.Constant):
                dag["dag_id"] = dag_id.value
            else:
                problems.append("dag_id must be a literal string")
            if "schedule" in kw:
                if isinstance(kw["schedule"], ast.Constant):
                    dag["schedule"] = kw["schedule"].value
                else:
                    dag["schedule"] = "<not a literal: %s>" % ast.unparse(kw["schedule"])
            if "catchup" in kw and isinstance(kw["catchup"], ast.Constant):
                dag["catchup"] = kw["catchup"].value
            params = kw.get("params")
            if isinstance(params, ast.Call) and _name(params.func) == "dag_params":
                dag["params_job"] = _string_arg(params) or "<not a literal job id>"
            elif params is not None:
                dag["params_job"] = "<not dag_params(JOB)>"
            dags.append(dag)
        elif name == "job_task":
            job = _string_arg(node)
            jobs.append(job if job is not None else "<not a literal job id: %s>" % ast.unparse(node))
        elif name and name.endswith(OPERATOR_SUFFIXES):
            problems.append("builds %s directly (tasks must come from job_task(JOB))" % name)
    for dag in dags:
        dag["jobs"] = jobs
        dag["problems"] = problems
    if not dags and (jobs or problems):
        return [{"dag_id": None, "schedule": None, "catchup": None, "params_job": None, "jobs": jobs,
                 "problems": problems + ["no DAG(...) found"]}]
    if len(dags) > 1:
        for dag in dags:
            dag["problems"] = problems + ["one DAG per file expected, found %d" % len(dags)]
    return dags


def check(dags_dir):
    """(differences, summary lines)."""
    jobs = load_jobs(dags_dir)
    expected = {spec["dag_id"]: (job_id, spec) for job_id, spec in jobs.items()}
    found = {}
    diffs = []
    for file_name in sorted(os.listdir(dags_dir)):
        if not file_name.endswith(".py") or file_name in SUPPORT_FILES:
            continue
        for dag in read_dag_file(os.path.join(dags_dir, file_name)):
            where = "%s (%s)" % (dag["dag_id"], file_name)
            for problem in dag["problems"]:
                diffs.append("%s: %s" % (where, problem))
            if dag["dag_id"] is None:
                continue
            if dag["dag_id"] in found:
                diffs.append("%s: dag_id also defined in %s" % (where, found[dag["dag_id"]]["file"]))
            dag["file"] = file_name
            found[dag["dag_id"]] = dag

    summary = []
    for dag_id, (job_id, spec) in expected.items():
        dag = found.get(dag_id)
        if dag is None:
            diffs.append("%s: missing (expected a DAG for job %s in tarn_jobs.py)" % (dag_id, job_id))
            continue
        where = "%s (%s)" % (dag_id, dag["file"])
        if dag["schedule"] != spec["schedule"]:
            diffs.append("%s: schedule %r, expected %r (tarn_jobs.py)" % (where, dag["schedule"], spec["schedule"]))
        if dag["catchup"] is not False:
            diffs.append("%s: catchup=%r, expected catchup=False" % (where, dag["catchup"]))
        want_params = job_id if spec["params"] else None
        if dag["params_job"] != want_params:
            diffs.append("%s: params from %r, expected %s" % (
                where, dag["params_job"], "dag_params(%r)" % job_id if want_params else "no params"))
        if dag["jobs"] != [job_id]:
            diffs.append("%s: tasks run jobs %s, expected [%r]" % (where, dag["jobs"], job_id))
        summary.append("%-16s %-20s tarn %s" % (dag_id, spec["schedule"], " ".join(spec["args"])))
    for dag_id, dag in found.items():
        if dag_id not in expected:
            diffs.append("%s (%s): not a job in tarn_jobs.py" % (dag_id, dag["file"]))
    return diffs, summary


def main(argv):
    dags_dir = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "dags")
    diffs, summary = check(dags_dir)
    if diffs:
        print("DAGs in %s differ from tarn_jobs.py:" % dags_dir)
        for line in diffs:
            print("  " + line)
        return 1
    print("%d DAGs match tarn_jobs.py:" % len(summary))
    for line in summary:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
