def rule(event):
    if event.get("eventType") != "user.session.start":
        return False
    return event.deep_get("outcome", "result") == "FAILURE"


def title(event):
    return f"Okta: repeated failed sign-ins from {event.udm('source_ip') or '<unknown ip>'}"


def dedup(event):
    # Grouping by address, not by user, is what catches password spraying: one source trying many accounts.
    return event.udm("source_ip") or "unknown-ip"


def alert_context(event):
    return {
        "source_ip": event.udm("source_ip"),
        "attempted_user": event.udm("actor_user"),
        "failure_reason": event.deep_get("outcome", "reason"),
        "country": event.udm("country"),
        "as_org": event.deep_get("securityContext", "asOrg"),
        "is_proxy": event.deep_get("securityContext", "isProxy"),
        "user_agent": event.udm("user_agent"),
    }
