from tarn_aws_helpers import caller_arn, caller_context, resource_arn

# 7 days is the shortest waiting period KMS allows: the least time to notice and cancel.
SHORTEST_WINDOW_DAYS = 7


def rule(event):
    return (
        event.get("eventName") == "ScheduleKeyDeletion"
        and event.get("eventSource") == "kms.amazonaws.com"
        and not event.get("errorCode")
    )


def _key(event):
    return resource_arn(event, "AWS::KMS::Key") or event.deep_get("requestParameters", "keyId", default="<unknown key>")


def _window(event):
    try:
        return int(event.deep_get("requestParameters", "pendingWindowInDays", default=30))
    except (TypeError, ValueError):
        return 30


def title(event):
    actor = caller_arn(event)
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
        **caller_context(event),
    }
