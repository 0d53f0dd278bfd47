from collections.abc import Mapping

from tarn_aws_helpers import caller_context, other_accounts
from tarn_base_helpers import deep_get, mappings


def foreign_destinations(event):
    """Destination accounts of enabled replication rules that are not the bucket owner's account."""
    rules = event.deep_get("requestParameters", "ReplicationConfiguration", "Rule")
    enabled = [repl for repl in mappings(rules) if repl.get("Status") != "Disabled"]
    return other_accounts(event, [deep_get(repl, "Destination", "Account") for repl in enabled])


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
    destinations = [r.get("Destination") for r in mappings(rules)]
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "destination_accounts": foreign_destinations(event),
        "destination_buckets": [d.get("Bucket") for d in destinations if isinstance(d, Mapping)],
        **caller_context(event),
    }
