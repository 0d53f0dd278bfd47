GRANT_EVENTS = {"user.account.privilege.grant", "group.privilege.grant"}

# Roles that can change authentication for everyone; Okta writes them as display names.
ORG_WIDE_ROLES = ("super administrator", "organization administrator", "super admin", "org admin")


def rule(event):
    return event.get("eventType") in GRANT_EVENTS and event.deep_get("outcome", "result") == "SUCCESS"


def privileges(event):
    return event.deep_get("debugContext", "debugData", "privilegeGranted", default="")


def grantee(event):
    # A user grant targets the User; a group grant targets the UserGroup whose members all get the role.
    for target in event.get("target") or []:
        if target.get("type") in ("User", "UserGroup"):
            return target
    return {}


def display_name(who):
    # Okta writes "unknown" as a group's alternateId; its displayName is the group name.
    if who.get("type") == "UserGroup":
        return who.get("displayName") or "<unknown group>"
    return who.get("alternateId") or who.get("displayName") or "<unknown user>"


def title(event):
    who = grantee(event)
    kind = "group" if who.get("type") == "UserGroup" else "user"
    name = display_name(who)
    granted = privileges(event) or "an administrator role"
    return f"Okta: {event.udm('actor_user')} granted [{granted}] to {kind} {name}"


def dedup(event):
    return f"{grantee(event).get('id', 'unknown')}:{privileges(event)}"


def severity(event):
    granted = privileges(event).lower()
    if any(role in granted for role in ORG_WIDE_ROLES):
        return "CRITICAL"
    return "DEFAULT"


def alert_context(event):
    who = grantee(event)
    return {
        "actor": event.udm("actor_user"),
        "grantee": display_name(who),
        "grantee_type": who.get("type"),
        "privileges_granted": privileges(event),
        "source_ip": event.udm("source_ip"),
        "is_proxy": event.deep_get("securityContext", "isProxy"),
    }
