from tarn_aws_helpers import caller_arn, caller_context


def rule(event):
    return (
        event.get("eventSource") == "s3.amazonaws.com"
        and event.get("eventName") == "DeleteBucketEncryption"
        and not event.get("errorCode")
    )


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = caller_arn(event)
    return f"Default encryption configuration removed from S3 bucket [{bucket}] by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        **caller_context(event),
    }
