# Event types that strip a second factor from an account. A reset_all leaves the user with no factor at all,
# so the next sign-in enrolls whatever factor the person at the keyboard chooses.
FACTOR_REMOVALS = {
    "user.mfa.factor.reset_all": "reset all MFA factors",
    "user.mfa.factor.deactivate": "deactivated an MFA factor",
    "user.mfa.factor.suspend": "suspended an MFA factor",
}


def rule(event):
    if event.get("eventType") not in FACTOR_REMOVALS:
        return False
    return event.deep_get("outcome", "result") == "SUCCESS"


def target_user(event):
    for target in event.get("target") or []:
        if target.get("type") == "User":
            return target
    return {}


def is_self_service(event):
    target_id = target_user(event).get("id")
    return target_id is not None and target_id == event.deep_get("actor", "id")


def title(event):
    actor = event.udm("actor_user") or event.deep_get("actor", "displayName", default="<unknown actor>")
    target = target_user(event).get("alternateId", "<unknown user>")
    what = FACTOR_REMOVALS[event.get("eventType")]
    if is_self_service(event):
        return f"Okta: {actor} {what} on their own account"
    return f"Okta: {actor} {what} of {target}"


def dedup(event):
    # One alert per affected account, however many of its factors were removed in the period.
    return target_user(event).get("alternateId") or event.deep_get("actor", "alternateId", default="unknown")


def severity(event):
    # Someone else removing a user's factors is the account-takeover pattern; users resetting their own
    # factor (a lost phone) is routine enough to stay at the YAML severity.
    if not is_self_service(event):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "actor": event.deep_get("actor", "alternateId"),
        "target_user": target_user(event).get("alternateId"),
        "event_type": event.get("eventType"),
        "factor": event.deep_get("debugContext", "debugData", "factor"),
        "source_ip": event.udm("source_ip"),
        "country": event.deep_get("client", "geographicalContext", "country"),
        "is_proxy": event.deep_get("securityContext", "isProxy"),
        "user_agent": event.deep_get("client", "userAgent", "rawUserAgent"),
    }
