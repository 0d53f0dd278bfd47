from tarn_aws_helpers import caller_arn, caller_context, grants_everyone


def rule(event):
    if event.get("eventName") != "ModifySnapshotAttribute" or event.get("errorCode"):
        return False
    added = event.deep_get("requestParameters", "createVolumePermission", "add", "items")
    # The group "all" is the only group EBS knows: it lets every AWS account create volumes from the snapshot.
    return grants_everyone(added)


def _snapshot(event):
    return event.deep_get("requestParameters", "snapshotId", default="<unknown snapshot>")


def title(event):
    actor = caller_arn(event)
    return f"EBS snapshot [{_snapshot(event)}] made public by [{actor}]"


def dedup(event):
    return str(_snapshot(event))


def alert_context(event):
    return {
        "snapshot": _snapshot(event),
        **caller_context(event),
    }
