from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

DETACH_EVENTS = {"LeaveOrganization", "RemoveAccountFromOrganization"}


def rule(event):
    if event.get("eventName") not in DETACH_EVENTS:
        return False
    return event.get("eventSource") == "organizations.amazonaws.com" and aws_cloudtrail_success(event)


def _account(event):
    return event.deep_get("requestParameters", "accountId") or event.get("recipientAccountId")


def title(event):
    if event.get("eventName") == "LeaveOrganization":
        return f"AWS account [{_account(event)}] left its organization, by [{actor_name(event)}]"
    return f"AWS account [{_account(event)}] removed from the organization by [{actor_name(event)}]"


def alert_context(event):
    context = aws_rule_context(event)
    context["detachedAccount"] = _account(event)
    return context
