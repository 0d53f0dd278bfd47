ROLE_GRANTS = {"ASSIGN_ROLE", "GRANT_ADMIN_PRIVILEGE", "GRANT_DELEGATED_ADMIN_PRIVILEGES"}

# The Reports API names the built-in super administrator role this way.
SUPER_ADMIN_ROLE = "_SEED_ADMIN_ROLE"


def rule(event):
    if event.deep_get("id", "applicationName") != "admin":
        return False
    return event.get("name") in ROLE_GRANTS


def role_name(event):
    if event.get("name") == "GRANT_ADMIN_PRIVILEGE":
        # The legacy event has no role parameter: it always means super administrator.
        return SUPER_ADMIN_ROLE
    return event.deep_get("parameters", "ROLE_NAME", default="<unknown role>")


def readable_role(event):
    role = role_name(event)
    return "Super Admin" if role == SUPER_ADMIN_ROLE else role


def title(event):
    grantee = event.deep_get("parameters", "USER_EMAIL", default="<unknown user>")
    actor = event.deep_get("actor", "email", default="<unknown actor>")
    return f"Google Workspace: {readable_role(event)} role assigned to {grantee} by {actor}"


def dedup(event):
    return f"{event.deep_get('parameters', 'USER_EMAIL')}:{role_name(event)}"


def severity(event):
    if role_name(event) == SUPER_ADMIN_ROLE or "super" in role_name(event).lower():
        return "CRITICAL"
    return "DEFAULT"


def alert_context(event):
    return {
        "actor": event.deep_get("actor", "email"),
        "grantee": event.deep_get("parameters", "USER_EMAIL"),
        "role": readable_role(event),
        "source_ip": event.get("ipAddress"),
        "event_name": event.get("name"),
    }
