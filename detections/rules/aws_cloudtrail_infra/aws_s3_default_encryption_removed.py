def rule(event):
    return (
        event.get("eventSource") == "s3.amazonaws.com"
        and event.get("eventName") == "DeleteBucketEncryption"
        and not event.get("errorCode")
    )


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"Default encryption configuration removed from S3 bucket [{bucket}] by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
    }
