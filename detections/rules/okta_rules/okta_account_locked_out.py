LOCK_EVENTS = {"user.account.lock", "user.account.lock.limit"}


def rule(event):
    return event.get("eventType") in LOCK_EVENTS


def title(event):
    return f"Okta: account {event.udm('actor_user')} locked out after too many failed sign-ins"


def dedup(event):
    return event.udm("actor_user") or "unknown-user"


def alert_context(event):
    return {
        "user": event.udm("actor_user"),
        "source_ip": event.udm("source_ip"),
        "country": event.udm("country"),
        "is_proxy": event.deep_get("securityContext", "isProxy"),
        "reason": event.deep_get("outcome", "reason"),
    }
