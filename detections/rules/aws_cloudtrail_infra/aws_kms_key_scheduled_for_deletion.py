from collections.abc import Mapping, Sequence

# 7 days is the shortest waiting period KMS allows: the least time to notice and cancel.
SHORTEST_WINDOW_DAYS = 7


def rule(event):
    return (
        event.get("eventName") == "ScheduleKeyDeletion"
        and event.get("eventSource") == "kms.amazonaws.com"
        and not event.get("errorCode")
    )


def _key(event):
    # The request may name the key by id, ARN or alias; CloudTrail adds the key ARN under resources.
    resources = event.get("resources")
    for resource in resources if isinstance(resources, Sequence) and not isinstance(resources, str) else []:
        if isinstance(resource, Mapping) and resource.get("type") == "AWS::KMS::Key" and resource.get("arn"):
            return resource.get("arn")
    return event.deep_get("requestParameters", "keyId", default="<unknown key>")


def _window(event):
    try:
        return int(event.deep_get("requestParameters", "pendingWindowInDays", default=30))
    except (TypeError, ValueError):
        return 30


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"KMS key [{_key(event)}] scheduled for deletion in {_window(event)} days by [{actor}]"


def dedup(event):
    return str(_key(event))


def severity(event):
    return "HIGH" if _window(event) <= SHORTEST_WINDOW_DAYS else "DEFAULT"


def alert_context(event):
    return {
        "key": _key(event),
        "pending_window_days": _window(event),
        "deletion_date": event.deep_get("responseElements", "deletionDate"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
