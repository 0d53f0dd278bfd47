from tarn_aws_helpers import caller_arn, caller_context, made_by_aws_service


def rule(event):
    if event.get("eventName") != "DeleteBucket" or event.get("eventSource") != "s3.amazonaws.com":
        return False
    # Stack teardowns delete their buckets as expected churn; deletions by people and keys are the signal.
    return not event.get("errorCode") and not made_by_aws_service(event)


def title(event):
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    return f"S3 bucket [{bucket}] deleted by [{caller_arn(event)}]"


def dedup(event):
    # Several buckets removed by one actor in a sitting are one story.
    return caller_arn(event)


def severity(event):
    if event.deep_get("userIdentity", "type") == "Root":
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        **caller_context(event),
    }
