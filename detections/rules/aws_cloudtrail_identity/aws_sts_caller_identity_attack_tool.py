from tarn_aws_helpers import actor_name, aws_rule_context

# Lower-case user-agent fragments of offensive distributions and tools.
ATTACK_TOOL_AGENTS = (
    "kali",
    "parrot",
    "pentoo",
    "pacu",
    "trufflehog",
    "cloudfox",
    "weirdaal",
    "aws_consoler",
)


def rule(event):
    if event.get("eventName") != "GetCallerIdentity":
        return False
    agent = str(event.get("userAgent", "")).lower()
    return any(fragment in agent for fragment in ATTACK_TOOL_AGENTS)


def title(event):
    return (
        f"Credentials of [{actor_name(event)}] checked with GetCallerIdentity from an attack tool "
        f"at [{event.get('sourceIPAddress')}]"
    )


def dedup(event):
    return event.deep_get("userIdentity", "accessKeyId") or actor_name(event)


def severity(event):
    if str(event.deep_get("userIdentity", "accessKeyId", default="")).startswith("AKIA"):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["accessKeyId"] = event.deep_get("userIdentity", "accessKeyId")
    return context
