from tarn_aws_helpers import (
    ADMIN_POLICY_ARNS,
    actor_name,
    aws_cloudtrail_success,
    aws_rule_context,
    policy_allows_everything,
)
from tarn_base_helpers import deep_get


def rule(event):
    if event.get("eventName") != "GetFederationToken" or event.get("eventSource") != "sts.amazonaws.com":
        return False
    return aws_cloudtrail_success(event)


def _grants_everything(event):
    if policy_allows_everything(event.deep_get("requestParameters", "policy")):
        return True
    arns = event.deep_get("requestParameters", "policyArns", default=[])
    return any(deep_get(item, "arn") in ADMIN_POLICY_ARNS for item in arns)


def title(event):
    return (
        f"[{actor_name(event)}] obtained federation token "
        f"[{event.deep_get('requestParameters', 'name')}] from [{event.get('sourceIPAddress')}]"
    )


def severity(event):
    return "HIGH" if _grants_everything(event) else "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["federatedUser"] = event.deep_get("responseElements", "federatedUser", "arn")
    context["sessionPolicyAllowsEverything"] = _grants_everything(event)
    return context
