# Keep in step with the HAVING clause of the query; the rule re-checks so a looser query cannot flood alerts.
FAILURE_THRESHOLD = 10


def rule(event):
    return (event.get("failed_logins") or 0) >= FAILURE_THRESHOLD


def title(event):
    source = event.get("source_ip", "<unknown ip>")
    failures = event.get("failed_logins")
    if (event.get("successful_logins") or 0) > 0:
        return f"AWS Console: {failures} failed sign-ins from {source}, and a sign-in from it succeeded"
    return f"AWS Console: {failures} failed sign-ins from {source} in the last day"


def dedup(event):
    return event.get("source_ip") or "unknown-ip"


def severity(event):
    # A success from the address that was guessing means the guessing probably worked.
    if (event.get("successful_logins") or 0) > 0:
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "source_ip": event.get("source_ip"),
        "failed_logins": event.get("failed_logins"),
        "successful_logins": event.get("successful_logins"),
        "distinct_users": event.get("distinct_users"),
        "user_names": list(event.get("user_names") or []),
        "accounts": list(event.get("accounts") or []),
        "first_seen": event.get("first_seen"),
        "last_seen": event.get("last_seen"),
    }
