from collections.abc import Mapping, Sequence


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


def foreign_destinations(event):
    """Destination accounts of enabled replication rules that are not the bucket owner's account."""
    owner = event.get("recipientAccountId")
    rules = event.deep_get("requestParameters", "ReplicationConfiguration", "Rule")
    found = []
    for repl in _as_list(rules):
        if not isinstance(repl, Mapping) or repl.get("Status") == "Disabled":
            continue
        destination = repl.get("Destination")
        account = destination.get("Account") if isinstance(destination, Mapping) else None
        if isinstance(account, str) and account and account != owner and account not in found:
            found.append(account)
    return found


def rule(event):
    if event.get("eventName") != "PutBucketReplication" or event.get("errorCode"):
        return False
    return bool(foreign_destinations(event))


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    accounts = ", ".join(foreign_destinations(event))
    return f"S3 bucket [{bucket}] now replicates to another account [{accounts}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def alert_context(event):
    rules = event.deep_get("requestParameters", "ReplicationConfiguration", "Rule")
    destinations = [r.get("Destination") for r in _as_list(rules) if isinstance(r, Mapping)]
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "destination_accounts": foreign_destinations(event),
        "destination_buckets": [d.get("Bucket") for d in destinations if isinstance(d, Mapping)],
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
    }
