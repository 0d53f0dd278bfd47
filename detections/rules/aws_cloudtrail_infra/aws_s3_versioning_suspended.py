from tarn_aws_helpers import caller_arn, caller_context


def rule(event):
    if event.get("eventName") != "PutBucketVersioning" or event.get("errorCode"):
        return False
    return bool(_changes(event))


def _changes(event):
    changes = []
    if event.deep_get("requestParameters", "VersioningConfiguration", "Status") == "Suspended":
        changes.append("versioning suspended")
    if event.deep_get("requestParameters", "VersioningConfiguration", "MfaDelete") == "Disabled":
        changes.append("MFA delete disabled")
    return changes


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = caller_arn(event)
    return f"S3 bucket [{bucket}]: {' and '.join(_changes(event))} by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "changes": _changes(event),
        **caller_context(event),
    }
