from tarn_aws_helpers import caller_arn, caller_context, request_parameters, trail_name

# UpdateTrail parameters that, when turned off, shrink what the trail sees or how far it can be trusted.
WEAKENING = {
    "isMultiRegionTrail": "no longer records other regions",
    "includeGlobalServiceEvents": "no longer records IAM, STS and other global services",
    "enableLogFileValidation": "log file integrity validation disabled",
}


def weakened(event):
    params = request_parameters(event)
    found = [reason for key, reason in WEAKENING.items() if str(params.get(key)).lower() == "false"]
    # An empty kmsKeyId removes SSE-KMS encryption from the delivered log files.
    if params.get("kmsKeyId") == "":
        found.append("SSE-KMS encryption of log files removed")
    return found


def rule(event):
    if event.get("eventName") != "UpdateTrail" or event.get("eventSource") != "cloudtrail.amazonaws.com":
        return False
    return not event.get("errorCode") and bool(weakened(event))


def title(event):
    actor = caller_arn(event)
    return f"CloudTrail trail [{trail_name(event)}] weakened by [{actor}]: {'; '.join(weakened(event))}"


def dedup(event):
    return trail_name(event)


def alert_context(event):
    return {
        "trail": trail_name(event),
        "changes": weakened(event),
        **caller_context(event),
    }
