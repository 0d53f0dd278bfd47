from tarn_base_helpers import udm_actor_context


def rule(event):
    if event.get("action") != "repo.access":
        return False
    # repo.access is written for every visibility change; only the move to public exposes code.
    return event.get("visibility") == "public" and event.get("previous_visibility") != "public"


def title(event):
    return f"GitHub: repository {event.get('repo', '<unknown repo>')} made public by {event.udm('actor_user')}"


def dedup(event):
    return event.get("repo") or "unknown-repo"


def alert_context(event):
    return {
        "repo": event.get("repo"),
        "org": event.get("org"),
        "previous_visibility": event.get("previous_visibility"),
        "visibility": event.get("visibility"),
        "user_agent": event.udm("user_agent"),
        **udm_actor_context(event),
    }
