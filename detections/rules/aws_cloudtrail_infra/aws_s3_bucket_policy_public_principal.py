from collections.abc import Mapping
import json

from tarn_aws_helpers import caller_arn, caller_context
from tarn_base_helpers import listify, mappings

WRITE_ACTION_PREFIXES = ("s3:*", "s3:put", "s3:delete", "s3:restore")


def _policy(event):
    policy = event.deep_get("requestParameters", "bucketPolicy")
    # Some producers log the policy document as JSON text instead of an object.
    if isinstance(policy, str):
        try:
            policy = json.loads(policy)
        except ValueError:
            return {}
    return policy if isinstance(policy, Mapping) else {}


def _is_anyone(principal):
    if principal == "*":
        return True
    if isinstance(principal, Mapping):
        return "*" in listify(principal.get("AWS"))
    return False


def open_statements(event):
    """Allow statements whose principal is anyone and that carry no Condition to narrow who that is."""
    return [
        stmt
        for stmt in mappings(_policy(event).get("Statement"))
        if stmt.get("Effect") == "Allow"
        and _is_anyone(stmt.get("Principal"))
        and not stmt.get("Condition")
    ]


def rule(event):
    if event.get("eventName") != "PutBucketPolicy" or event.get("errorCode"):
        return False
    return bool(open_statements(event))


def _actions(event):
    return sorted({str(a) for stmt in open_statements(event) for a in listify(stmt.get("Action"))})


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = caller_arn(event)
    return f"S3 bucket [{bucket}] policy allows anyone to [{', '.join(_actions(event))}], set by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def severity(event):
    if any(a == "*" or a.lower().startswith(WRITE_ACTION_PREFIXES) for a in _actions(event)):
        return "CRITICAL"
    return "DEFAULT"


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "public_actions": _actions(event),
        "statement_ids": [stmt.get("Sid", "") for stmt in open_statements(event)],
        **caller_context(event),
    }
