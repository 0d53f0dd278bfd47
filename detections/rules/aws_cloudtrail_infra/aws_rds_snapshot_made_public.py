from collections.abc import Mapping, Sequence

SNAPSHOT_ATTRIBUTE_CALLS = {"ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in SNAPSHOT_ATTRIBUTE_CALLS or event.get("errorCode"):
        return False
    params = _params(event)
    added = params.get("valuesToAdd")
    if not isinstance(added, Sequence) or isinstance(added, (str, Mapping)):
        return False
    # "restore" with the value "all" lets every AWS account restore (and so read) the snapshot.
    return params.get("attributeName") == "restore" and "all" in added


def _snapshot(event):
    params = _params(event)
    return (
        params.get("dBSnapshotIdentifier")
        or params.get("dBClusterSnapshotIdentifier")
        or "<unknown snapshot>"
    )


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"RDS snapshot [{_snapshot(event)}] made public by [{actor}]"


def dedup(event):
    return str(_snapshot(event))


def alert_context(event):
    return {
        "snapshot": _snapshot(event),
        "event_name": event.get("eventName"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
