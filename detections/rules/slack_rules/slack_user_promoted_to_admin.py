PROMOTIONS = {
    "role_change_to_admin": "admin",
    "role_change_to_owner": "owner",
}


def rule(event):
    return event.get("action") in PROMOTIONS


def promoted_user(event):
    return event.deep_get("entity", "user", "email") or event.deep_get(
        "entity", "user", "name", default="<unknown user>"
    )


def actor(event):
    return event.deep_get("actor", "user", "email") or event.deep_get(
        "actor", "user", "name", default="<unknown actor>"
    )


def title(event):
    workspace = event.deep_get("context", "location", "name", default="the workspace")
    role = PROMOTIONS[event.get("action")]
    return f"Slack: {promoted_user(event)} made {role} of {workspace} by {actor(event)}"


def severity(event):
    if event.get("action") == "role_change_to_owner":
        return "CRITICAL"
    return "DEFAULT"


def alert_context(event):
    return {
        "actor": actor(event),
        "promoted_user": promoted_user(event),
        "new_role": PROMOTIONS[event.get("action")],
        "workspace": event.deep_get("context", "location", "name"),
        "source_ip": event.deep_get("context", "ip_address"),
        "user_agent": event.deep_get("context", "ua"),
    }
