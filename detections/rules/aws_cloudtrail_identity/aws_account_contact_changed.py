from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

CONTACT_EVENTS = {"PutAlternateContact", "DeleteAlternateContact", "PutContactInformation"}


def rule(event):
    if event.get("eventName") not in CONTACT_EVENTS or event.get("eventSource") != "account.amazonaws.com":
        return False
    return aws_cloudtrail_success(event)


def title(event):
    kind = event.deep_get("requestParameters", "alternateContactType", default="primary")
    return (
        f"[{actor_name(event)}] called [{event.get('eventName')}] for the {kind.lower()} contact "
        f"of account [{event.get('recipientAccountId')}]"
    )


def alert_context(event):
    return aws_rule_context(event)
