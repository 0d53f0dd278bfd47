from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

REMOVAL_EVENTS = {"DetachPolicy", "DeletePolicy", "DisablePolicyType"}


def rule(event):
    if event.get("eventName") not in REMOVAL_EVENTS:
        return False
    # IAM has its own DetachPolicy-like names under iam.amazonaws.com; only Organizations counts here.
    return event.get("eventSource") == "organizations.amazonaws.com" and aws_cloudtrail_success(event)


def title(event):
    parameters = event.get("requestParameters") or {}
    subject = parameters.get("policyId") or parameters.get("policyType") or "<UNKNOWN_POLICY>"
    target = parameters.get("targetId") or parameters.get("rootId")
    where = f" from [{target}]" if target else ""
    return f"[{actor_name(event)}] called [{event.get('eventName')}] on [{subject}]{where}"


def alert_context(event):
    return aws_rule_context(event)
