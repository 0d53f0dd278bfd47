from collections.abc import Mapping, Sequence


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


def shared_with(event):
    """Accounts other than the owner that this call grants createVolumePermission to."""
    owner = event.get("recipientAccountId")
    added = event.deep_get("requestParameters", "createVolumePermission", "add", "items")
    accounts = []
    for item in _as_list(added):
        if isinstance(item, Mapping):
            account = item.get("userId")
            if isinstance(account, str) and account and account != owner and account not in accounts:
                accounts.append(account)
    return accounts


def rule(event):
    if event.get("eventName") != "ModifySnapshotAttribute" or event.get("errorCode"):
        return False
    return bool(shared_with(event))


def _snapshot(event):
    return event.deep_get("requestParameters", "snapshotId", default="<unknown snapshot>")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    accounts = ", ".join(shared_with(event))
    return f"EBS snapshot [{_snapshot(event)}] shared with account(s) [{accounts}] by [{actor}]"


def dedup(event):
    return f"{_snapshot(event)}:{','.join(shared_with(event))}"


def alert_context(event):
    return {
        "snapshot": _snapshot(event),
        "shared_with": shared_with(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
