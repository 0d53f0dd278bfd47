def _made_by_aws_service(event):
    # Services acting on their own (type AWSService) or on a caller's behalf: CloudFormation stack
    # operations carry invokedBy and a service sourceIPAddress.
    return (
        event.deep_get("userIdentity", "type") == "AWSService"
        or bool(event.deep_get("userIdentity", "invokedBy"))
        or str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")
    )


def rule(event):
    if event.get("eventName") != "DeleteBucket" or event.get("eventSource") != "s3.amazonaws.com":
        return False
    # Stack teardowns delete their buckets as expected churn; deletions by people and keys are the signal.
    return not event.get("errorCode") and not _made_by_aws_service(event)


def _actor(event):
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    return f"S3 bucket [{bucket}] deleted by [{_actor(event)}]"


def dedup(event):
    # Several buckets removed by one actor in a sitting are one story.
    return str(_actor(event))


def severity(event):
    if event.deep_get("userIdentity", "type") == "Root":
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "actor": event.deep_get("userIdentity", "arn"),
        "actor_type": event.deep_get("userIdentity", "type"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
    }
