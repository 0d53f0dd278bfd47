from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

BOUNDARY_REMOVALS = {"DeleteUserPermissionsBoundary": "userName", "DeleteRolePermissionsBoundary": "roleName"}


def rule(event):
    return event.get("eventName") in BOUNDARY_REMOVALS and aws_cloudtrail_success(event)


def title(event):
    key = BOUNDARY_REMOVALS[event.get("eventName")]
    kind = "user" if key == "userName" else "role"
    return (
        f"[{actor_name(event)}] removed the permissions boundary of {kind} "
        f"[{event.deep_get('requestParameters', key, default='<UNKNOWN>')}]"
    )


def alert_context(event):
    return aws_rule_context(event)
