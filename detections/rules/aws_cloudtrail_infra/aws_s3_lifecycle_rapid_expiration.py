from collections.abc import Mapping

from tarn_aws_helpers import caller_arn, caller_context
from tarn_base_helpers import mappings

# Expiring objects a day after creation is how data is destroyed without calling DeleteObject per key.
MAX_DAYS = 1


def _days(block, key):
    if not isinstance(block, Mapping):
        return None
    try:
        return int(block.get(key))
    except (TypeError, ValueError):
        return None


def destructive_rules(event):
    """IDs of enabled lifecycle rules that expire current or noncurrent versions within MAX_DAYS."""
    found = []
    rules = event.deep_get("requestParameters", "LifecycleConfiguration", "Rule")
    for lifecycle in mappings(rules):
        if lifecycle.get("Status") != "Enabled":
            continue
        current = _days(lifecycle.get("Expiration"), "Days")
        noncurrent = _days(lifecycle.get("NoncurrentVersionExpiration"), "NoncurrentDays")
        if any(days is not None and days <= MAX_DAYS for days in (current, noncurrent)):
            found.append(lifecycle.get("ID", "<unnamed rule>"))
    return found


def rule(event):
    if event.get("eventName") != "PutBucketLifecycle" or event.get("errorCode"):
        return False
    return bool(destructive_rules(event))


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = caller_arn(event)
    return f"S3 bucket [{bucket}] lifecycle now expires objects within {MAX_DAYS} day, set by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "lifecycle_rules": destructive_rules(event),
        **caller_context(event),
    }
