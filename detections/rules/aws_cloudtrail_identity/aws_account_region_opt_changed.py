from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

REGION_EVENTS = {"DisableRegion", "EnableRegion"}


def rule(event):
    if event.get("eventName") not in REGION_EVENTS or event.get("eventSource") != "account.amazonaws.com":
        return False
    return aws_cloudtrail_success(event)


def title(event):
    verb = "disabled" if event.get("eventName") == "DisableRegion" else "enabled"
    region = event.deep_get("requestParameters", "regionName", default="<UNKNOWN_REGION>")
    return f"[{actor_name(event)}] {verb} Region [{region}] in account [{event.get('recipientAccountId')}]"


def severity(event):
    return "HIGH" if event.get("eventName") == "DisableRegion" else "DEFAULT"


def alert_context(event):
    return aws_rule_context(event)
