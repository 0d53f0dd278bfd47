from tarn_aws_helpers import aws_cloudtrail_success, aws_rule_context

PASSWORD_EVENTS = {"PasswordRecoveryRequested", "PasswordRecoveryCompleted", "PasswordUpdated"}


def rule(event):
    if event.get("eventName") not in PASSWORD_EVENTS:
        return False
    return (
        event.get("eventSource") == "signin.amazonaws.com"
        and event.deep_get("userIdentity", "type") == "Root"
        and aws_cloudtrail_success(event)
    )


def title(event):
    what = {
        "PasswordRecoveryRequested": "password recovery requested",
        "PasswordRecoveryCompleted": "password reset through recovery",
        "PasswordUpdated": "password changed",
    }.get(event.get("eventName"))
    return f"AWS root user {what} for account [{event.get('recipientAccountId')}]"


def severity(event):
    if event.get("eventName") == "PasswordRecoveryRequested":
        return "MEDIUM"
    return "DEFAULT"


def alert_context(event):
    return aws_rule_context(event)
