import re

from tarn_aws_helpers import caller_arn, caller_context, made_by_aws_service

# Log groups that usually hold audit or network evidence; deleting one of them is a cover-your-tracks move.
SECURITY_LOG_GROUP = re.compile(
    r"cloudtrail|flow-?log|vpc|guardduty|audit|security|waf|dns", re.IGNORECASE
)


def rule(event):
    if event.get("eventName") != "DeleteLogGroup" or event.get("eventSource") != "logs.amazonaws.com":
        return False
    # Stack teardowns delete log groups as routine housekeeping.
    return not event.get("errorCode") and not made_by_aws_service(event)


def _group(event):
    return str(event.deep_get("requestParameters", "logGroupName", default="<unknown log group>"))


def title(event):
    return f"CloudWatch log group [{_group(event)}] deleted by [{caller_arn(event)}]"


def dedup(event):
    return str(_group(event))


def severity(event):
    return "HIGH" if SECURITY_LOG_GROUP.search(_group(event)) else "DEFAULT"


def alert_context(event):
    return {
        "log_group": _group(event),
        **caller_context(event),
    }
