from tarn_base_helpers import udm_actor_context


def rule(event):
    if event.get("eventType") != "user.session.access_admin_app":
        return False
    return event.deep_get("securityContext", "isProxy") is True


def title(event):
    return (
        f"Okta: {event.udm('actor_user')} opened the Admin Console through a proxy "
        f"({event.udm('source_ip')}, {event.deep_get('securityContext', 'asOrg', default='unknown network')})"
    )


def dedup(event):
    return event.udm("actor_user") or "unknown-user"


def alert_context(event):
    return {
        "as_org": event.deep_get("securityContext", "asOrg"),
        "isp": event.deep_get("securityContext", "isp"),
        "user_agent": event.udm("user_agent"),
        "session_id": event.deep_get("authenticationContext", "externalSessionId"),
        **udm_actor_context(event),
    }
