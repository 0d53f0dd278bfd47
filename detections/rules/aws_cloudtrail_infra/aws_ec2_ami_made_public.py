from collections.abc import Mapping, Sequence


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


def rule(event):
    if event.get("eventName") != "ModifyImageAttribute" or event.get("errorCode"):
        return False
    added = event.deep_get("requestParameters", "launchPermission", "add", "items")
    return any(isinstance(item, Mapping) and item.get("group") == "all" for item in _as_list(added))


def _image(event):
    return event.deep_get("requestParameters", "imageId", default="<unknown image>")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"AMI [{_image(event)}] made public (launchable by every AWS account) by [{actor}]"


def dedup(event):
    return str(_image(event))


def alert_context(event):
    return {
        "image": _image(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
