from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

ATTACH_EVENTS = {
    "AttachUserPolicy": "userName",
    "AttachGroupPolicy": "groupName",
    "AttachRolePolicy": "roleName",
}


def rule(event):
    if event.get("eventName") not in ATTACH_EVENTS:
        return False
    # The data model's assigned_admin_role is the policy ARN when it is one of ADMIN_POLICY_ARNS.
    return bool(event.udm("assigned_admin_role")) and aws_cloudtrail_success(event)


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
