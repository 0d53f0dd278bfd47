from tarn_aws_helpers import aws_cloudtrail_success, aws_rule_context


def rule(event):
    if event.get("eventName") != "ConsoleLogin":
        return False
    return event.deep_get("userIdentity", "type") == "Root" and aws_cloudtrail_success(event)


def title(event):
    mfa = "with" if event.deep_get("additionalEventData", "MFAUsed") == "Yes" else "WITHOUT"
    return (
        f"AWS root user signed in to account [{event.get('recipientAccountId')}] "
        f"from [{event.get('sourceIPAddress')}] {mfa} MFA"
    )


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.get('sourceIPAddress')}"


def severity(event):
    if event.deep_get("additionalEventData", "MFAUsed") == "Yes":
        return "DEFAULT"
    return "CRITICAL"


def alert_context(event):
    context = aws_rule_context(event)
    context["mfaUsed"] = event.deep_get("additionalEventData", "MFAUsed")
    return context
