from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

# Identity types that sign in with an IAM password; other types authenticate (and do MFA) elsewhere.
PASSWORD_IDENTITIES = {"IAMUser", "Root"}


def rule(event):
    if event.get("eventName") != "ConsoleLogin":
        return False
    if event.deep_get("userIdentity", "type") not in PASSWORD_IDENTITIES:
        return False
    return event.deep_get("additionalEventData", "MFAUsed") == "No" and aws_cloudtrail_success(event)


def title(event):
    return (
        f"[{actor_name(event)}] signed in to the AWS console of account "
        f"[{event.get('recipientAccountId')}] without MFA from [{event.get('sourceIPAddress')}]"
    )


def severity(event):
    if event.deep_get("userIdentity", "type") == "Root":
        return "HIGH"
    return "DEFAULT"


def dedup(event):
    return f"{event.deep_get('userIdentity', 'arn')}:{event.get('sourceIPAddress')}"


def alert_context(event):
    return aws_rule_context(event)
