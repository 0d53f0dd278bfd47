from tarn_aws_helpers import aws_rule_context


def rule(event):
    if event.get("eventName") != "ConsoleLogin":
        return False
    return event.deep_get("responseElements", "ConsoleLogin") == "Failure"


def title(event):
    return (
        f"Repeated failed AWS console sign-ins from [{event.get('sourceIPAddress')}] "
        f"in account [{event.get('recipientAccountId')}]"
    )


def dedup(event):
    # One alert per attacking address, whichever users it tries.
    return event.udm("source_ip", default="<UNKNOWN_SOURCE_IP>")


def severity(event):
    if event.deep_get("userIdentity", "type") == "Root":
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["targetUser"] = event.udm("actor_user")
    return context
