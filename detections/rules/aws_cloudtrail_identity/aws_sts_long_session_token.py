from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

MAX_DURATION_SECONDS = 12 * 3600


def rule(event):
    if event.get("eventName") != "GetSessionToken" or event.get("eventSource") != "sts.amazonaws.com":
        return False
    duration = event.deep_get("requestParameters", "durationSeconds", default=0)
    return isinstance(duration, int) and duration > MAX_DURATION_SECONDS and aws_cloudtrail_success(event)


def title(event):
    hours = event.deep_get("requestParameters", "durationSeconds", default=0) // 3600
    return f"[{actor_name(event)}] requested a {hours}-hour session token from [{event.get('sourceIPAddress')}]"


def severity(event):
    return "DEFAULT" if event.deep_get("requestParameters", "serialNumber") else "MEDIUM"


def alert_context(event):
    return aws_rule_context(event)
