from collections.abc import Mapping, Sequence

from tarn_aws_helpers import caller_arn, caller_context, request_parameters

SNAPSHOT_ATTRIBUTE_CALLS = {"ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"}


def rule(event):
    if event.get("eventName") not in SNAPSHOT_ATTRIBUTE_CALLS or event.get("errorCode"):
        return False
    params = request_parameters(event)
    added = params.get("valuesToAdd")
    if not isinstance(added, Sequence) or isinstance(added, (str, Mapping)):
        return False
    # "restore" with the value "all" lets every AWS account restore (and so read) the snapshot.
    return params.get("attributeName") == "restore" and "all" in added


def _snapshot(event):
    params = request_parameters(event)
    return (
        params.get("dBSnapshotIdentifier")
        or params.get("dBClusterSnapshotIdentifier")
        or "<unknown snapshot>"
    )


def title(event):
    actor = caller_arn(event)
    return f"RDS snapshot [{_snapshot(event)}] made public by [{actor}]"


def dedup(event):
    return str(_snapshot(event))


def alert_context(event):
    return {
        "snapshot": _snapshot(event),
        "event_name": event.get("eventName"),
        **caller_context(event),
    }
