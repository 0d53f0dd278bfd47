import re

from tarn_base_helpers import udm_actor_context

# GitHub names these per scope and feature: secret_scanning.disable (org), repository_secret_scanning.disable,
# repository_secret_scanning_push_protection.disable, business_secret_scanning.disable,
# secret_scanning_new_repos.disable, org.secret_scanning_push_protection_disable, and so on. Matching the
# pattern keeps the rule working as GitHub adds scopes.
DISABLE_ACTION = re.compile(r"secret_scanning[a-z_]*[._]disable$")


def rule(event):
    return bool(DISABLE_ACTION.search(event.get("action") or ""))


def scope(event):
    action = event.get("action", "")
    if action.startswith("repository_"):
        return event.get("repo") or "a repository"
    if action.startswith("business_"):
        return event.get("business") or "the enterprise"
    return event.get("org") or "the organization"


def title(event):
    what = "push protection" if "push_protection" in event.get("action", "") else "secret scanning"
    return f"GitHub: {what} disabled for {scope(event)} by {event.udm('actor_user')}"


def dedup(event):
    return f"{event.get('action')}:{scope(event)}"


def alert_context(event):
    return {
        "action": event.get("action"),
        "scope": scope(event),
        **udm_actor_context(event),
    }
