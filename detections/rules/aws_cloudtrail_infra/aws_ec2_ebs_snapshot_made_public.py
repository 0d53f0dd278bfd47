from collections.abc import Mapping, Sequence


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


def rule(event):
    if event.get("eventName") != "ModifySnapshotAttribute" or event.get("errorCode"):
        return False
    added = event.deep_get("requestParameters", "createVolumePermission", "add", "items")
    # The group "all" is the only group EBS knows: it lets every AWS account create volumes from the snapshot.
    return any(isinstance(item, Mapping) and item.get("group") == "all" for item in _as_list(added))


def _snapshot(event):
    return event.deep_get("requestParameters", "snapshotId", default="<unknown snapshot>")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"EBS snapshot [{_snapshot(event)}] made public by [{actor}]"


def dedup(event):
    return str(_snapshot(event))


def alert_context(event):
    return {
        "snapshot": _snapshot(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
