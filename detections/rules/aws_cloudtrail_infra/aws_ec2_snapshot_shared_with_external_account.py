from tarn_aws_helpers import caller_arn, caller_context, other_accounts
from tarn_base_helpers import mappings


def shared_with(event):
    """Accounts other than the owner that this call grants createVolumePermission to."""
    added = event.deep_get("requestParameters", "createVolumePermission", "add", "items")
    return other_accounts(event, [item.get("userId") for item in mappings(added)])


def rule(event):
    if event.get("eventName") != "ModifySnapshotAttribute" or event.get("errorCode"):
        return False
    return bool(shared_with(event))


def _snapshot(event):
    return event.deep_get("requestParameters", "snapshotId", default="<unknown snapshot>")


def title(event):
    actor = caller_arn(event)
    accounts = ", ".join(shared_with(event))
    return f"EBS snapshot [{_snapshot(event)}] shared with account(s) [{accounts}] by [{actor}]"


def dedup(event):
    return f"{_snapshot(event)}:{','.join(shared_with(event))}"


def alert_context(event):
    return {
        "snapshot": _snapshot(event),
        "shared_with": shared_with(event),
        **caller_context(event),
    }
