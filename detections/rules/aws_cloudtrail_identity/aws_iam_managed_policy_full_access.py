from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context, policy_allows_everything

POLICY_EVENTS = {"CreatePolicy", "CreatePolicyVersion"}


def rule(event):
    if event.get("eventName") not in POLICY_EVENTS or event.get("eventSource") != "iam.amazonaws.com":
        return False
    if not aws_cloudtrail_success(event):
        return False
    return policy_allows_everything(event.deep_get("requestParameters", "policyDocument"))


def _policy(event):
    return event.deep_get("requestParameters", "policyName") or event.deep_get(
        "requestParameters", "policyArn", default="<UNKNOWN_POLICY>"
    )


def title(event):
    verb = "created policy" if event.get("eventName") == "CreatePolicy" else "added a version to policy"
    return f"[{actor_name(event)}] {verb} [{_policy(event)}] allowing *:*"


def severity(event):
    if event.get("eventName") == "CreatePolicyVersion" and event.deep_get("requestParameters", "setAsDefault"):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return aws_rule_context(event)
