INSTALL_ACTIONS = {"app_installed", "app_scopes_expanded"}

# Scopes that read conversation history or files across the workspace; admin.* scopes are checked by prefix.
BROAD_READ_SCOPES = {
    "channels:history",
    "groups:history",
    "im:history",
    "mpim:history",
    "files:read",
    "search:read",
}


def sensitive_scopes(event):
    scopes = event.deep_get("entity", "app", "scopes", default=[])
    return sorted(s for s in scopes if s.startswith("admin") or s in BROAD_READ_SCOPES)


def rule(event):
    if event.get("action") not in INSTALL_ACTIONS:
        return False
    return bool(sensitive_scopes(event))


def title(event):
    app = event.deep_get("entity", "app", "name", default="<unknown app>")
    actor = event.deep_get("actor", "user", "email") or event.deep_get("actor", "user", "name", default="<unknown>")
    if event.get("action") == "app_installed":
        return f"Slack: app [{app}] installed with sensitive scopes by {actor}"
    return f"Slack: app [{app}] given sensitive scopes by {actor}"


def dedup(event):
    return event.deep_get("entity", "app", "id", default="unknown-app")


def severity(event):
    if any(s.startswith("admin") for s in sensitive_scopes(event)):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "app": event.deep_get("entity", "app", "name"),
        "app_id": event.deep_get("entity", "app", "id"),
        "sensitive_scopes": sensitive_scopes(event),
        "directory_approved": event.deep_get("entity", "app", "is_directory_approved"),
        "actor": event.deep_get("actor", "user", "email"),
        "source_ip": event.deep_get("context", "ip_address"),
    }
