from tarn_aws_helpers import ADMIN_POLICY_ARNS, actor_name, aws_cloudtrail_success, aws_rule_context

ATTACH_EVENTS = {
    "AttachUserPolicy": "userName",
    "AttachGroupPolicy": "groupName",
    "AttachRolePolicy": "roleName",
}


def rule(event):
    if event.get("eventName") not in ATTACH_EVENTS:
        return False
    if event.deep_get("requestParameters", "policyArn") not in ADMIN_POLICY_ARNS:
        return False
    return aws_cloudtrail_success(event)


def _grantee(event):
    name = ATTACH_EVENTS[event.get("eventName")]
    kind = name.replace("Name", "")
    return f"{kind} {event.deep_get('requestParameters', name, default='<UNKNOWN>')}"


def title(event):
    policy = str(event.deep_get("requestParameters", "policyArn")).rsplit("/", 1)[-1]
    return f"[{actor_name(event)}] attached [{policy}] to [{_grantee(event)}]"


def alert_context(event):
    context = aws_rule_context(event)
    context["grantee"] = _grantee(event)
    return context
