"""The detection benchmark's baseline: Panther-format Python rules run by plain CPython, one process, one core.

Usage: run_rules.py --python-path DIR --pack MANIFEST.json --events PATH

--python-path is Tarn's pure-Python Panther API (detection/src/main/resources/python: panther_core,
panther_detection_helpers, the boto3 stubs). The manifest, written by dev.tarn.bench.DetectBenchmark, lists the
pack's global helpers, data models and rules with their files. --events is a file of Panther lake JSON lines, one
event per line, or a directory of such files (read in name order).

Semantics are Panther's batch mode: globals are importable by id, each rule is its own module, each event becomes
one PantherEvent (with the data model of its p_log_type) shared by all rules, rule() runs for every rule, and on a
match the rule's auxiliary functions run in order (a failing one falls back to Panther's default). A rule() that
raises or returns a non-bool is a rule error. Timing covers reading and parsing the events and running the rules;
importing the pack is timed separately. One JSON object on stdout reports the result; progress goes to stderr.
"""
import argparse
import importlib.abc
import importlib.util
import json
import os
import platform
import sys
import time

AUX_ORDER = ("title", "dedup", "severity", "alert_context", "description", "reference", "runbook", "destinations")
PROGRESS_EVERY = 200000


class GlobalFinder(importlib.abc.MetaPathFinder):
    """Makes each global helper importable under its GlobalID, from its file (as panther_analysis_tool does)."""

    def __init__(self, files):
        self.files = files

    def find_spec(self, fullname, path=None, target=None):
        file = self.files.get(fullname)
        return importlib.util.spec_from_file_location(fullname, file) if file else None


def fresh_module(name, file):
    """A module executed from file and not registered in sys.modules: how Panther loads each detection."""
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pack(manifest):
    from panther_core.data_model import DataModel

    sys.meta_path.insert(0, GlobalFinder({g["id"]: g["file"] for g in manifest["globals"]}))
    problems = {}
    for spec in manifest["globals"]:
        try:
            importlib.import_module(spec["id"])
        except Exception as err:  # a broken global shows up again in the rules that import it
            problems[spec["id"]] = "%s: %s" % (type(err).__name__, err)
    models = {}
    for spec in manifest["dataModels"]:
        module = fresh_module(spec["id"], spec["file"]) if spec.get("file") else None
        model = DataModel(spec["id"], spec["mappings"], module)
        for log_type in spec["logTypes"]:
            models.setdefault(log_type, model)
    rules = []
    for spec in manifest["rules"]:
        try:
            module = fresh_module(spec["id"], spec["file"])
        except Exception as err:
            problems[spec["id"]] = "%s: %s" % (type(err).__name__, err)
            continue
        aux = tuple((name, getattr(module, name)) for name in AUX_ORDER if callable(getattr(module, name, None)))
        rules.append((spec["id"], module.rule, aux))
    return models, rules, problems


def event_files(path):
    if os.path.isdir(path):
        return [os.path.join(path, name) for name in sorted(os.listdir(path))
                if not name.startswith((".", "_")) and not name.endswith(".crc")]
    return [path]


def run_aux(aux, event):
    """The auxiliary functions of a matched rule; like Panther's batch mode, a failure keeps the default."""
    for name, function in aux:
        try:
            value = function(event)
            if name == "alert_context":
                json.dumps(value, default=str)
        except Exception:  # noqa: S112 - Panther replaces the value with its default and goes on
            continue


def run(models, rules, path):
    from panther_core.enriched_event import PantherEvent

    matches = dict((rule_id, 0) for rule_id, _, _ in rules)
    errors = dict((rule_id, 0) for rule_id, _, _ in rules)
    events = 0
    calls = 0
    loads = json.loads
    started = time.perf_counter()
    for file in event_files(path):
        with open(file, "r", encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                raw = loads(line)
                event = PantherEvent(raw, models.get(raw.get("p_log_type")))
                for rule_id, rule, aux in rules:
                    try:
                        matched = rule(event)
                    except Exception:
                        errors[rule_id] += 1
                        continue
                    if matched is True:
                        matches[rule_id] += 1
                        run_aux(aux, event)
                    elif matched is not False:
                        errors[rule_id] += 1  # FunctionReturnTypeError in Panther
                calls += len(rules)
                events += 1
                if events % PROGRESS_EVERY == 0:
                    elapsed = time.perf_counter() - started
                    sys.stderr.write("  cpython: %d events, %.0f events/s\n" % (events, events / elapsed))
                    sys.stderr.flush()
    return events, calls, time.perf_counter() - started, matches, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python-path", required=True)
    parser.add_argument("--pack", required=True)
    parser.add_argument("--events", required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.python_path)
    with open(args.pack, "r", encoding="utf-8") as f:
        manifest = json.load(f)

    import_started = time.perf_counter()
    models, rules, problems = load_pack(manifest)
    import_seconds = time.perf_counter() - import_started
    events, calls, seconds, matches, errors = run(models, rules, args.events)
    json.dump({
        "python": "%s %s" % (platform.python_implementation(), platform.python_version()),
        "rules": len(manifest["rules"]),
        "loaded": len(rules),
        "loadProblems": problems,
        "importSeconds": import_seconds,
        "events": events,
        "seconds": seconds,
        "ruleCalls": calls,
        "matches": matches,
        "errors": errors,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
