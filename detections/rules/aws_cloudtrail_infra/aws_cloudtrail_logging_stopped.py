from tarn_aws_helpers import caller_arn, caller_context, trail_name


def rule(event):
    return (
        event.get("eventName") == "StopLogging"
        and event.get("eventSource") == "cloudtrail.amazonaws.com"
        and not event.get("errorCode")
    )


def title(event):
    actor = caller_arn(event)
    return f"CloudTrail logging stopped for trail [{trail_name(event)}] by [{actor}]"


def dedup(event):
    return trail_name(event)


def alert_context(event):
    return {
        "trail": trail_name(event),
        **caller_context(event),
    }
