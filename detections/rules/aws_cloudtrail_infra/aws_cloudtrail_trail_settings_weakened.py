from collections.abc import Mapping

# UpdateTrail parameters that, when turned off, shrink what the trail sees or how far it can be trusted.
WEAKENING = {
    "isMultiRegionTrail": "no longer records other regions",
    "includeGlobalServiceEvents": "no longer records IAM, STS and other global services",
    "enableLogFileValidation": "log file integrity validation disabled",
}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def weakened(event):
    params = _params(event)
    found = [reason for key, reason in WEAKENING.items() if str(params.get(key)).lower() == "false"]
    # An empty kmsKeyId removes SSE-KMS encryption from the delivered log files.
    if params.get("kmsKeyId") == "":
        found.append("SSE-KMS encryption of log files removed")
    return found


def rule(event):
    if event.get("eventName") != "UpdateTrail" or event.get("eventSource") != "cloudtrail.amazonaws.com":
        return False
    return not event.get("errorCode") and bool(weakened(event))


def _trail(event):
    # Callers may name the trail or pass its ARN; dedup on the name either way.
    trail = str(event.deep_get("requestParameters", "name", default="<unknown trail>"))
    return trail.rsplit(":trail/", 1)[-1]


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"CloudTrail trail [{_trail(event)}] weakened by [{actor}]: {'; '.join(weakened(event))}"


def dedup(event):
    return str(_trail(event))


def alert_context(event):
    return {
        "trail": _trail(event),
        "changes": weakened(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
    }
