from tarn_aws_helpers import caller_arn, caller_context


def rule(event):
    if event.get("eventName") != "PutBucketLogging" or event.get("errorCode"):
        return False
    # An empty BucketLoggingStatus (no LoggingEnabled element) is how S3 is told to stop access logging.
    return (
        event.deep_get("requestParameters", "BucketLoggingStatus") is not None
        and not event.deep_get("requestParameters", "BucketLoggingStatus", "LoggingEnabled")
    )


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = caller_arn(event)
    return f"Server access logging disabled on S3 bucket [{bucket}] by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        **caller_context(event),
    }
