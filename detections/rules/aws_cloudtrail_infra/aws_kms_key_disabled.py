from collections.abc import Mapping, Sequence


def rule(event):
    if event.get("eventSource") != "kms.amazonaws.com":
        return False
    return event.get("eventName") == "DisableKey" and not event.get("errorCode")


def _key(event):
    # The request may name the key by id, ARN or alias; CloudTrail adds the key ARN under resources.
    resources = event.get("resources")
    for resource in resources if isinstance(resources, Sequence) and not isinstance(resources, str) else []:
        if isinstance(resource, Mapping) and resource.get("type") == "AWS::KMS::Key" and resource.get("arn"):
            return resource.get("arn")
    return event.deep_get("requestParameters", "keyId", default="<unknown key>")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"KMS key [{_key(event)}] disabled by [{actor}]"


def dedup(event):
    return str(_key(event))


def alert_context(event):
    return {
        "key": _key(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
