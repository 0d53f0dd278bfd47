from tarn_base_helpers import udm_actor_context


def rule(event):
    if event.get("eventType") != "system.api_token.create":
        return False
    return event.deep_get("outcome", "result") == "SUCCESS"


def token_name(event):
    for target in event.get("target") or []:
        if target.get("type") == "Token":
            return target.get("displayName") or target.get("id")
    return "<unnamed token>"


def title(event):
    return f"Okta: API token [{token_name(event)}] created by {event.udm('actor_user')}"


def severity(event):
    # A token minted from an anonymizing proxy is far more likely to be an intruder's persistence than an
    # integration being set up.
    if event.deep_get("securityContext", "isProxy") is True:
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "token_name": token_name(event),
        "is_proxy": event.deep_get("securityContext", "isProxy"),
        "user_agent": event.udm("user_agent"),
        **udm_actor_context(event),
    }
