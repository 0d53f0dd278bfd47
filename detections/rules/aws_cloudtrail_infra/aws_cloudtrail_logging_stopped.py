from tarn_aws_helpers import caller_arn, caller_context, trail_name


def rule(event):
    return (
        event.get("eventName") == "StopLogging"
        and event.get("eventSource") == "cloudtrail.amazonaws.com"
        and not event.get("errorCode")
    )


def _trail(event):
    # Callers may name the trail or pass its ARN; dedup on the name either way.
    return trail_name(event.deep_get("requestParameters", "name", default="<unknown trail>"))


def title(event):
    actor = caller_arn(event)
    return f"CloudTrail logging stopped for trail [{_trail(event)}] by [{actor}]"


def dedup(event):
    return _trail(event)


def alert_context(event):
    return {
        "trail": _trail(event),
        **caller_context(event),
    }
