import re

# Log groups that usually hold audit or network evidence; deleting one of them is a cover-your-tracks move.
SECURITY_LOG_GROUP = re.compile(
    r"cloudtrail|flow-?log|vpc|guardduty|audit|security|waf|dns", re.IGNORECASE
)


def _made_by_aws_service(event):
    # Services acting on their own (type AWSService) or on a caller's behalf: CloudFormation stack
    # operations carry invokedBy and a service sourceIPAddress.
    return (
        event.deep_get("userIdentity", "type") == "AWSService"
        or bool(event.deep_get("userIdentity", "invokedBy"))
        or str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")
    )


def rule(event):
    if event.get("eventName") != "DeleteLogGroup" or event.get("eventSource") != "logs.amazonaws.com":
        return False
    # Stack teardowns delete log groups as routine housekeeping.
    return not event.get("errorCode") and not _made_by_aws_service(event)


def _group(event):
    return str(event.deep_get("requestParameters", "logGroupName", default="<unknown log group>"))


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"CloudWatch log group [{_group(event)}] deleted by [{actor}]"


def dedup(event):
    return str(_group(event))


def severity(event):
    return "HIGH" if SECURITY_LOG_GROUP.search(_group(event)) else "DEFAULT"


def alert_context(event):
    return {
        "log_group": _group(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
