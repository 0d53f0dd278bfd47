from tarn_aws_helpers import caller_arn, caller_context, resource_arn


def rule(event):
    if event.get("eventSource") != "kms.amazonaws.com":
        return False
    return event.get("eventName") == "DisableKey" and not event.get("errorCode")


def _key(event):
    return resource_arn(event, "AWS::KMS::Key") or event.deep_get("requestParameters", "keyId", default="<unknown key>")


def title(event):
    actor = caller_arn(event)
    return f"KMS key [{_key(event)}] disabled by [{actor}]"


def dedup(event):
    return str(_key(event))


def alert_context(event):
    return {
        "key": _key(event),
        **caller_context(event),
    }
