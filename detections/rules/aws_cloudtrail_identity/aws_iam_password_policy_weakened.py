from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

MIN_LENGTH = 14
MIN_REUSE_PREVENTION = 24
REQUIRED_CLASSES = (
    "requireUppercaseCharacters",
    "requireLowercaseCharacters",
    "requireNumbers",
    "requireSymbols",
)


def rule(event):
    name = event.get("eventName")
    if name not in ("UpdateAccountPasswordPolicy", "DeleteAccountPasswordPolicy"):
        return False
    if not aws_cloudtrail_success(event):
        return False
    return name == "DeleteAccountPasswordPolicy" or bool(weaknesses(event))


def weaknesses(event):
    """What the new policy lacks compared with the baseline."""
    policy = event.get("requestParameters") or {}
    found = []
    if (policy.get("minimumPasswordLength") or 0) < MIN_LENGTH:
        found.append(f"minimumPasswordLength below {MIN_LENGTH}")
    found.extend(f"{name} not set" for name in REQUIRED_CLASSES if policy.get(name) is not True)
    if (policy.get("passwordReusePrevention") or 0) < MIN_REUSE_PREVENTION:
        found.append(f"passwordReusePrevention below {MIN_REUSE_PREVENTION}")
    return found


def title(event):
    what = "deleted" if event.get("eventName") == "DeleteAccountPasswordPolicy" else "weakened"
    return f"Password policy of account [{event.get('recipientAccountId')}] {what} by [{actor_name(event)}]"


def alert_context(event):
    context = aws_rule_context(event)
    if event.get("eventName") == "UpdateAccountPasswordPolicy":
        context["weaknesses"] = weaknesses(event)
    return context
