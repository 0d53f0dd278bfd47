"""Runs a detection pack's Python code for Tarn: loading, batch evaluation of events, and embedded tests.

The Java runtimes (GraalPy, Jython) call the functions of this module; everything crosses the boundary as text
(JSON) or numbers. Semantics follow Panther's panther_core and panther_analysis_tool: detections are modules named
by their id, the event becomes a PantherEvent once, rule() runs first and then, on a match (batch mode) or always
(tests), the auxiliary functions in order on the same module instance. Batch mode replaces a failing auxiliary
function by Panther's default; tests keep every error. A detection's SystemExit or KeyboardInterrupt is its own
error like any other exception (Panther's Lambda would have died); only RuleAbort, the runtime's stop, passes through.
"""
import json
import sys

from panther_core._compat import PY2, Mapping, string_types
from panther_core.data_model import DataModel
from panther_core.enriched_event import PantherEvent
from panther_core.immutable import json_encoder

import _tarn_importer

MAX_FIELD = 1000
TRUNCATED_SUFFIX = "... (truncated)"
MAX_ALERT_CONTEXT = 200 * 1024
MAX_DESTINATIONS = 10
SEVERITIES = ("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL")
AUX_ORDER = ("title", "dedup", "severity", "alert_context", "description", "reference", "runbook", "destinations")


class FunctionReturnTypeError(Exception):
    """A detection function returned a value of the wrong type (Panther's name for this error)."""


class RuleAbort(BaseException):
    """Raised inside a call that the runtime stopped (time or memory limit): never a rule's own error.

    args: (kind, text), e.g. ("RuleTimeout", "exceeded the 15 s time limit"). Only Jython raises it (from the stop
    check compiled into pack code); GraalPy stops a call from Java instead.
    """


def _abort_text(err, what):
    """`RuleTimeout: rule() of X exceeded the 15 s time limit`; the hook lets Java start a new time window."""
    hook = _settings.get("abort_handled")
    if hook is not None:
        hook()
    kind, text = err.args if len(err.args) == 2 else ("RuleAbort", "was stopped")
    return "%s: %s %s" % (kind, what, text)


_importer = _tarn_importer.importer
_detections = {}
_data_models = {}
_settings = {"runtime": "python"}


class _Discard(object):
    """Where batch-mode print() goes: detections' output is kept only in tests."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass


class _Capture(object):
    def __init__(self):
        self.parts = []

    def write(self, text):
        if isinstance(text, bytes) and not isinstance(text, str):
            text = text.decode("utf-8", "replace")
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

    def text(self):
        return u"".join(self.parts) if PY2 else "".join(self.parts)


def configure(settings_json, bridge):
    """Once per interpreter: runtime name, the KV bridge, stdout handling."""
    settings = json.loads(settings_json)
    _settings.update(settings)
    # Imports come from Tarn's modules, the standard library and python.path only, never the working directory.
    sys.path[:] = [entry for entry in sys.path if entry not in ("", ".")]
    for directory in settings.get("pythonPath") or []:
        if directory not in sys.path:
            sys.path.append(directory)
    import _tarn_strftime
    _tarn_strftime.install()
    from panther_detection_helpers import caching
    caching.use_store(bridge)
    # Error reports need traceback; importing it inside the first failing call would spend that call's time.
    import traceback  # noqa: F401
    sys.stdout = _Discard()
    sys.stderr = _Discard()


def set_abort_hook(hook):
    """Jython: called after a RuleAbort was turned into an error, so the runtime resets its stop check."""
    _settings["abort_handled"] = hook


def add_module(name, filename, source, is_package, pack):
    _importer.add(name, source, filename, bool(is_package), bool(pack))


# ---------------------------------------------------------------------------------------------------- loading

def _syntax_problem(err, source, filename):
    line = getattr(err, "lineno", None) or 0
    where = ""
    error_file = getattr(err, "filename", None)
    if error_file and error_file != filename:
        # The error is in a module the detection imports (a global): judge and name that file.
        where = " in %s" % error_file
        source = _importer.source_of(error_file) or ""
    if _settings.get("runtime") == "jython":
        py3_line = _python3_syntax_line(source, line)
        if py3_line is not None:
            return (u"uses Python 3 syntax%s (line %d); this pack runs under Jython 2.7 (python.runtime: jython) "
                    u"\u2014 port it to Python 2.7 or run it under graalpy" % (where, py3_line))
    message = getattr(err, "msg", None) or str(err)
    text = (getattr(err, "text", None) or "").strip()
    return "syntax error%s at line %d: %s%s" % (where, line, message, (" (%s)" % text) if text else "")


_PY3_SYNTAX = [
    r"""(?<![\w.'"])(?:[rR]?[fF]|[fF][rR])(?:'|")""",  # f-strings
    r":=",  # assignment expressions
    r"^\s*match\s+[^=]+:\s*(#.*)?$",  # match statements
    r"\)\s*->\s*[\w\[\]., |]+:\s*(#.*)?$",  # return annotations
    r"^\s*def\s+\w+\s*\(.*\b\w+\s*:\s*[\w\[\]., |]+\s*(=|,|\))",  # argument annotations
    r"^\s*(async\s+def|nonlocal)\b",
    r"^\s*\w+\s*:\s*[\w\[\]., |]+\s*=\s*",  # variable annotations
    r"\(\s*\*\s*,",  # keyword-only parameters
]


def _python3_syntax_line(source, error_line):
    """The line of the first Python-3-only construct, when the source has one; else None."""
    import re
    patterns = [re.compile(p) for p in _PY3_SYNTAX]
    lines = source.splitlines()
    if 0 < error_line <= len(lines) and any(p.search(lines[error_line - 1]) for p in patterns):
        return error_line
    for number, text in enumerate(lines, 1):
        if any(p.search(text) for p in patterns):
            return number
    return None


def _missing_module(err):
    name = getattr(err, "name", None)
    if not name:
        import re
        match = re.match(r"No module named ['\"]?([\w.]+)['\"]?$", str(err))
        name = match.group(1) if match else None
    return name


def _load_problem(err, source, filename):
    """The message of a load problem: what failed, and for a missing module, how to fix it."""
    if isinstance(err, SyntaxError):
        return _syntax_problem(err, source, filename)
    if isinstance(err, ImportError):
        name = _missing_module(err)
        if name and "blocked" not in str(err):
            return ("No module named '%s': add the package's directory to the python.path setting%s"
                    % (name, _where(err)))
    return describe_error(err)


def _where(err):
    frame = _pack_frame(sys.exc_info()[2])
    return "" if frame is None else " (imported at %s, line %d)" % (frame[0], frame[1])


def load_global(global_id):
    """Imports a global helper (already added with add_module); returns "" or the problem."""
    source = _importer.get_source(global_id) or ""
    try:
        __import__(global_id)
        return ""
    except RuleAbort as err:
        return _abort_text(err, "importing it")
    except BaseException as err:  # a global's import error is a load problem, whatever it raised
        return _load_problem(err, source, _importer.filename_of(global_id))


def load_data_model(spec_json):
    """A data model: {id, logTypes, mappings: [{name, path|method}], filename, source}; returns "" or a problem."""
    spec = json.loads(spec_json)
    source = spec.get("source")
    filename = spec.get("filename") or spec["id"]
    try:
        module = None
        if source is not None:
            module = _importer.load_fresh(spec["id"], source, filename)
        model = DataModel(spec["id"], spec.get("mappings") or [], module)
    except RuleAbort as err:
        return _abort_text(err, "importing it")
    except BaseException as err:
        return _load_problem(err, source or "", filename)
    taken = [lt for lt in spec.get("logTypes") or [] if lt in _data_models]
    for log_type in spec.get("logTypes") or []:
        _data_models.setdefault(log_type, model)
    if taken:
        return ("log types %s already have an enabled data model (%s); only one data model per log type is used"
                % (", ".join(taken), ", ".join(sorted(set(_data_models[lt].data_model_id for lt in taken)))))
    return ""


class _Detection(object):
    __slots__ = ("id", "kind", "module", "namespace", "severity", "create_alert", "default_dedup", "filename")

    def __init__(self, spec, module):
        self.id = spec["id"]
        self.kind = spec["type"]
        self.module = module
        self.namespace = module.__dict__
        self.severity = spec["severity"].upper()
        self.create_alert = spec.get("createAlert", True)
        self.default_dedup = "defaultDedupString:" + self.id
        self.filename = spec.get("filename")


def load_detection(spec_json):
    """A rule, scheduled rule or policy: {id, type, severity, createAlert, filename, source}; "" or a problem."""
    spec = json.loads(spec_json)
    source = spec["source"]
    filename = spec.get("filename") or spec["id"]
    try:
        module = _importer.load_fresh(spec["id"], source, filename)
    except RuleAbort as err:
        return _abort_text(err, "importing it")
    except BaseException as err:
        return _load_problem(err, source, filename)
    entry = "policy" if spec["type"] == "policy" else "rule"
    if spec["type"] != "scheduled_rule" and not callable(getattr(module, entry, None)):
        return "defines no %s() function" % entry
    _detections[spec["id"]] = _Detection(spec, module)
    return ""


def select(ids_json):
    """The detections to run, in order, from a JSON list of ids (built once per id list)."""
    selection = []
    for detection_id in json.loads(ids_json):
        detection = _detections.get(detection_id)
        if detection is None:
            raise KeyError("detection %s is not loaded" % detection_id)
        selection.append(detection)
    return selection


# ---------------------------------------------------------------------------------------------------- calling

def _type_error(detection, name, value, expected):
    return FunctionReturnTypeError("detection [%s] function [%s] returned [%s], expected [%s]"
                                   % (detection.id, name, type(value).__name__, expected))


def _call_bool(detection, name, function, event):
    value = function(event)
    if not isinstance(value, bool):
        raise _type_error(detection, name, value, "bool")
    return value


def _call_str(detection, name, function, event):
    value = function(event)
    if not isinstance(value, string_types):
        raise _type_error(detection, name, value, "str")
    return value


def _truncate(text):
    if len(text) > MAX_FIELD:
        return text[:MAX_FIELD - len(TRUNCATED_SUFFIX)] + TRUNCATED_SUFFIX
    return text


def _severity(detection, function, event):
    value = _call_str(detection, "severity", function, event).upper()
    if value == "DEFAULT":
        return detection.severity
    if value not in SEVERITIES:
        raise AssertionError("Expected severity to be any of the following: [%s], got [%s] instead."
                             % (", ".join(SEVERITIES), value))
    return value


def _alert_context(detection, function, event):
    value = function(event)
    if not isinstance(value, Mapping):
        raise _type_error(detection, "alert_context", value, "Mapping")
    text = json.dumps(value, default=json_encoder)
    if len(text) > MAX_ALERT_CONTEXT:
        text = json.dumps({"_error": "alert_context size is [%d] characters, bigger than maximum of [%d] characters"
                           % (len(text), MAX_ALERT_CONTEXT)})
    return text


def _destinations(detection, function, event):
    value = function(event)
    if value is None:
        return None
    if not isinstance(value, list):
        raise _type_error(detection, "destinations", value, "list")
    return [item if isinstance(item, string_types) else json.dumps(item) for item in value][:MAX_DESTINATIONS]


def _aux(detection, name, function, event, outcome):
    """One auxiliary function's value (raises what the function raised)."""
    if name == "title" or name == "description" or name == "reference" or name == "runbook":
        return _truncate(_call_str(detection, name, function, event))
    if name == "dedup":
        value = _call_str(detection, name, function, event)
        return _truncate(value) if value else _default_dedup(detection, outcome)
    if name == "severity":
        return _severity(detection, function, event)
    if name == "alert_context":
        return _alert_context(detection, function, event)
    return _destinations(detection, function, event)


def _default_dedup(detection, outcome):
    return outcome.get("title") or detection.default_dedup


def _batch_default(detection, name, err, outcome):
    """Panther's production defaults when an auxiliary function raises."""
    if name == "title":
        return detection.id
    if name == "dedup":
        return _default_dedup(detection, outcome)
    if name == "severity":
        return detection.severity
    if name == "alert_context":
        return json.dumps({"_error": repr(err)})
    if name == "destinations":
        return None
    return ""


def _absent_value(detection, name, outcome):
    """What an output is when the detection does not define the function."""
    if name == "dedup":
        return _default_dedup(detection, outcome)
    if name == "severity":
        return detection.severity
    return None


_OUTPUT_KEYS = {"title": "title", "dedup": "dedup", "severity": "severity", "alert_context": "alertContextJson",
                "description": "description", "reference": "reference", "runbook": "runbook",
                "destinations": "destinations"}


def _run_aux(detection, event, outcome, batch, errors):
    namespace = detection.namespace
    names = AUX_ORDER if detection.create_alert else ("alert_context",)
    values = {}
    for name in names:
        function = namespace.get(name)
        if callable(function):
            _state.function = name
            try:
                values[name] = _aux(detection, name, function, event, values)
            except RuleAbort:
                raise
            except BaseException as err:
                if batch:
                    values[name] = _batch_default(detection, name, err, values)
                else:
                    values[name] = None
                    errors[name] = describe_error(err)
        else:
            values[name] = _absent_value(detection, name, values)
    for name, value in values.items():
        if value is not None:
            outcome[_OUTPUT_KEYS[name]] = value


def _detection_result(detection, event):
    """True when the alert condition holds; raises what the detection function raised."""
    namespace = detection.namespace
    _state.function = None
    if detection.kind == "policy":
        return not _call_bool(detection, "policy", namespace["policy"], event)
    function = namespace.get("rule")
    if function is None and detection.kind == "scheduled_rule":
        return True
    return _call_bool(detection, "rule", function, event)


# ---------------------------------------------------------------------------------------------------- errors

def _pack_frame(tb):
    """(filename, line) of the innermost traceback frame in pack code, or None."""
    import traceback
    found = None
    for filename, line, _, _ in traceback.extract_tb(tb):
        if filename in _importer.pack_filenames:
            found = (filename, line)
    return found


def describe_error(err, tb=None):
    """`TypeName: message` and up to 5 frames of pack code (file, line, function)."""
    import traceback
    if tb is None:
        tb = sys.exc_info()[2]
    text = "%s: %s" % (type(err).__name__, err)
    frames = [f for f in traceback.extract_tb(tb) if f[0] in _importer.pack_filenames] if tb is not None else []
    for filename, line, function, source_line in frames[-5:]:
        text += '\n  File "%s", line %d, in %s' % (filename, line, function)
        if source_line:
            text += "\n    " + source_line.strip()
    return text


# ---------------------------------------------------------------------------------------------------- batch

class _State(object):
    """The event being evaluated; kept so Java can resume a pass after it stopped one detection.

    Attribute writes are slow in an interpreter without JIT, so a pass sets only what it needs: the outcome list
    and the per-kind event cache are created when first used.
    """

    def __init__(self):
        self.reset()

    def reset(self):
        self.event_json = None
        self.log_type = None
        self.selection = ()
        self.index = 0
        self.function = None
        self.outcomes = None
        self.events = None
        self.patcher = None
        self.streams = None

    def add(self, outcome):
        if self.outcomes is None:
            self.outcomes = []
        self.outcomes.append(outcome)


_state = _State()


_scan_json = json.JSONDecoder().scan_once


def _parse(text):
    """json.loads for the compact JSON Spark writes, without the whitespace checks that cost more than the parse."""
    try:
        value, end = _scan_json(text, 0)
        if end == len(text):
            return value
    except (StopIteration, ValueError):
        pass
    return json.loads(text)


def _event_for(detection):
    """The event as this kind of detection gets it: built once per pass (policies get a fresh raw dict each)."""
    state = _state
    kind = detection.kind
    if kind == "policy":
        return _parse(state.event_json)
    events = state.events
    if events is None:
        events = state.events = {}
    event = events.get(kind)
    if event is None:
        raw = events.get("raw")
        if raw is None:
            raw = events["raw"] = _parse(state.event_json)
        model = _data_models.get(state.log_type) if kind == "rule" and state.log_type else None
        event = events[kind] = PantherEvent._owning(raw, model)
    return event


def evaluate(event_json, log_type, selection):
    """Runs the selected detections on one event; JSON outcomes of matches and errors, or None."""
    state = _state
    state.event_json = event_json
    state.log_type = log_type
    state.selection = selection
    state.events = None
    state.outcomes = None
    return resume(0)


def resume(start):
    """Continues the current pass at selection index `start` (after Java stopped the detection before it)."""
    state = _state
    if state.function is not None:
        state.function = None
    selection = state.selection
    index = start
    count = len(selection)
    event = None
    while index < count:
        state.index = index
        detection = selection[index]
        index += 1
        if detection.kind == "rule":
            # The hot path, kept to a few operations: most rules do not match most events.
            try:
                if event is None:
                    event = _event_for(detection)
                result = detection.namespace["rule"](event)
            except RuleAbort as err:
                state.add({"detectionId": detection.id, "error": _abort_text(err, _running(detection))})
                continue
            except BaseException as err:
                state.add({"detectionId": detection.id, "error": describe_error(err)})
                continue
            if result is False:
                continue
            if result is not True:
                state.add({"detectionId": detection.id,
                           "error": "FunctionReturnTypeError: %s" % _type_error(detection, "rule", result, "bool")})
                continue
            outcome = _run_matched(detection, event)
        else:
            outcome = _run_batch(detection)
        if outcome is not None:
            state.add(outcome)
    state.index = count
    outcomes = state.outcomes
    return json.dumps(outcomes) if outcomes else None


def partial():
    """After Java stopped a call: the outcomes not yet returned, and where the pass was, as JSON."""
    state = _state
    outcomes, state.outcomes = state.outcomes or [], None
    abandon_test()
    function = state.function
    if function is None and state.index < len(state.selection):
        function = "policy" if state.selection[state.index].kind == "policy" else "rule"
    return json.dumps({"outcomes": outcomes, "index": state.index, "function": function,
                       "count": len(state.selection)})


def abandon_test():
    """Undoes what a stopped test left behind: its mocks and the captured output streams."""
    state = _state
    if state.patcher is not None:
        patcher, state.patcher = state.patcher, None
        try:
            patcher.stop()
        except Exception:  # the patcher may have stopped before Java interrupted the test
            pass
    if state.streams is not None:
        sys.stdout, sys.stderr = state.streams
        state.streams = None


def _run_batch(detection):
    try:
        event = _event_for(detection)
        matched = _detection_result(detection, event)
    except RuleAbort as err:
        return {"detectionId": detection.id, "error": _abort_text(err, _running(detection))}
    except BaseException as err:
        return {"detectionId": detection.id, "error": describe_error(err)}
    if not matched:
        return None
    return _run_matched(detection, event)


def _run_matched(detection, event):
    outcome = {"detectionId": detection.id, "matched": True}
    try:
        _run_aux(detection, event, outcome, True, None)
    except RuleAbort as err:
        outcome = {"detectionId": detection.id, "error": _abort_text(err, _running(detection))}
    # Not in a finally block: when GraalPy interrupts an auxiliary function, Java reads which one it was.
    _state.function = None
    return outcome


def _running(detection):
    return "%s() of %s" % (_state.function or ("policy" if detection.kind == "policy" else "rule"), detection.id)


# ---------------------------------------------------------------------------------------------------- tests

def _mock_module():
    try:
        from unittest import mock
    except ImportError:
        import _tarn_mock as mock
    return mock


def prepare_tests():
    """Imports unittest.mock ahead of time: slow on interpreted GraalPy, and not the detections' time to spend."""
    _mock_module()


def run_test(detection_id, input_json, mocks_json):
    """One embedded test with panther_analysis_tool's semantics; the outcome as JSON."""
    detection = _detections[detection_id]
    data = json.loads(input_json)
    if detection.kind == "policy":
        event = data
    elif detection.kind == "scheduled_rule":
        event = PantherEvent(data, None)
    else:
        log_type = data.get("p_log_type") if isinstance(data, dict) else None
        event = PantherEvent(data, _data_models.get(log_type) if log_type else None)
    outcome = {"detectionId": detection.id}
    errors = {}
    capture = _Capture()
    state = _state
    state.reset()
    state.selection = (detection,)
    state.streams = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = capture
    try:
        mock = _mock_module()
        mocks = dict((name, mock.MagicMock(return_value=value)) for name, value in json.loads(mocks_json))
        if mocks:
            patcher = mock.patch.multiple(detection.module, **mocks)
            patcher.start()
            state.patcher = patcher
        try:
            outcome["matched"] = _detection_result(detection, event)
        except RuleAbort:
            raise
        except BaseException as err:
            outcome["error"] = describe_error(err)
        _run_aux(detection, event, outcome, False, errors)
    except RuleAbort as err:
        outcome = {"detectionId": detection.id, "error": _abort_text(err, _running(detection))}
    except BaseException as err:  # mocks that name a missing attribute fail the test like Panther's
        outcome["error"] = describe_error(err)
    finally:
        abandon_test()
    if errors:
        outcome["functionErrors"] = errors
    outcome["output"] = capture.text()
    return json.dumps(outcome)
