def rule(event):
    return (
        event.get("eventName") == "StopLogging"
        and event.get("eventSource") == "cloudtrail.amazonaws.com"
        and not event.get("errorCode")
    )


def _trail(event):
    # Callers may name the trail or pass its ARN; dedup on the name either way.
    trail = str(event.deep_get("requestParameters", "name", default="<unknown trail>"))
    return trail.rsplit(":trail/", 1)[-1]


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"CloudTrail logging stopped for trail [{_trail(event)}] by [{actor}]"


def dedup(event):
    return str(_trail(event))


def alert_context(event):
    return {
        "trail": _trail(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "actor_type": event.deep_get("userIdentity", "type"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
