from tarn_base_helpers import udm_actor_context


def rule(event):
    action = event.get("action")
    if action == "org.add_member":
        return event.get("permission") == "admin"
    if action == "org.update_member":
        # A role change is only interesting when it is a promotion to owner, not an owner being re-saved.
        return event.get("permission") == "admin" and event.get("old_permission") != "admin"
    return False


def title(event):
    verb = "added as an owner of" if event.get("action") == "org.add_member" else "promoted to owner of"
    return (
        f"GitHub: {event.get('user', '<unknown user>')} {verb} {event.get('org', '<unknown org>')} "
        f"by {event.udm('actor_user')}"
    )


def dedup(event):
    return f"{event.get('org')}:{event.get('user')}"


def alert_context(event):
    return {
        "org": event.get("org"),
        "new_owner": event.get("user"),
        "action": event.get("action"),
        "old_permission": event.get("old_permission"),
        **udm_actor_context(event),
    }
