from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context, policy_allows_everything

PUT_EVENTS = {"PutUserPolicy": "userName", "PutGroupPolicy": "groupName", "PutRolePolicy": "roleName"}


def rule(event):
    if event.get("eventName") not in PUT_EVENTS or not aws_cloudtrail_success(event):
        return False
    return policy_allows_everything(event.deep_get("requestParameters", "policyDocument"))


def _grantee(event):
    name = PUT_EVENTS[event.get("eventName")]
    return f"{name.replace('Name', '')} {event.deep_get('requestParameters', name, default='<UNKNOWN>')}"


def title(event):
    return (
        f"[{actor_name(event)}] put inline policy "
        f"[{event.deep_get('requestParameters', 'policyName')}] allowing *:* on [{_grantee(event)}]"
    )


def alert_context(event):
    context = aws_rule_context(event)
    context["grantee"] = _grantee(event)
    return context
