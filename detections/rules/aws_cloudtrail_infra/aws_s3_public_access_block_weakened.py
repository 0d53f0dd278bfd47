from tarn_aws_helpers import caller_arn, caller_context

BLOCK_SETTINGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")
DELETES = {"DeleteBucketPublicAccessBlock", "DeleteAccountPublicAccessBlock"}
PUTS = {"PutBucketPublicAccessBlock", "PutAccountPublicAccessBlock"}


def disabled_settings(event):
    """The Block Public Access settings this call turns off (all four for a delete)."""
    if event.get("eventName") in DELETES:
        return list(BLOCK_SETTINGS)
    # Values are booleans, or "false" strings when the XML body is logged verbatim.
    return [
        s
        for s in BLOCK_SETTINGS
        if str(event.deep_get("requestParameters", "PublicAccessBlockConfiguration", s)).lower() == "false"
    ]


def rule(event):
    name = event.get("eventName")
    if name not in DELETES and name not in PUTS:
        return False
    if event.get("errorCode"):
        return False
    return bool(disabled_settings(event))


def _scope(event):
    if "Account" in event.get("eventName", ""):
        return f"account {event.get('recipientAccountId', '<unknown account>')}"
    return f"bucket {event.deep_get('requestParameters', 'bucketName', default='<unknown bucket>')}"


def title(event):
    actor = caller_arn(event)
    settings = ", ".join(disabled_settings(event))
    return f"S3 Block Public Access turned off ({settings}) on [{_scope(event)}] by [{actor}]"


def dedup(event):
    return str(_scope(event))


def severity(event):
    # An account-wide change exposes every bucket whose own settings rely on the account's.
    return "HIGH" if "Account" in event.get("eventName", "") else "DEFAULT"


def alert_context(event):
    return {
        "scope": _scope(event),
        "event_name": event.get("eventName"),
        "disabled_settings": disabled_settings(event),
        **caller_context(event),
    }
