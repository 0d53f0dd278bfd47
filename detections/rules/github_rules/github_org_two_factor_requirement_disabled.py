from tarn_base_helpers import udm_actor_context

REQUIREMENT_OFF = {
    "org.disable_two_factor_requirement": "org",
    "business.disable_two_factor_requirement": "business",
}


def rule(event):
    return event.get("action") in REQUIREMENT_OFF


def title(event):
    owner = event.get(REQUIREMENT_OFF[event.get("action")]) or "<unknown>"
    return f"GitHub: two-factor authentication requirement disabled for {owner} by {event.udm('actor_user')}"


def alert_context(event):
    return {
        "action": event.get("action"),
        "org": event.get("org"),
        "business": event.get("business"),
        **udm_actor_context(event),
    }
