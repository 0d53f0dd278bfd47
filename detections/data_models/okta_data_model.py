# Standard event-type names shared by cross-log-type rules (the same vocabulary Panther's data models use).
FAILED_LOGIN = "failed_login"
SUCCESSFUL_LOGIN = "successful_login"
SUCCESSFUL_LOGOUT = "successful_logout"
MFA_DISABLED = "mfa_disabled"
ADMIN_ROLE_ASSIGNED = "admin_role_assigned"
USER_ACCOUNT_CREATED = "user_account_created"
USER_ACCOUNT_DELETED = "user_account_deleted"
USER_GROUP_MEMBERSHIP_ADDED = "user_group_membership_added"

_BY_EVENT_TYPE = {
    "user.session.end": SUCCESSFUL_LOGOUT,
    "user.mfa.factor.reset_all": MFA_DISABLED,
    "user.mfa.factor.deactivate": MFA_DISABLED,
    "user.mfa.factor.suspend": MFA_DISABLED,
    "user.account.privilege.grant": ADMIN_ROLE_ASSIGNED,
    "group.privilege.grant": ADMIN_ROLE_ASSIGNED,
    "user.lifecycle.create": USER_ACCOUNT_CREATED,
    "user.lifecycle.delete.initiated": USER_ACCOUNT_DELETED,
    "group.user_membership.add": USER_GROUP_MEMBERSHIP_ADDED,
}


def get_event_type(event):
    event_type = event.get("eventType")
    if event_type == "user.session.start":
        # A sign-in is only a login once Okta says how it ended; ALLOW/CHALLENGE steps are neither.
        result = event.deep_get("outcome", "result")
        if result == "SUCCESS":
            return SUCCESSFUL_LOGIN
        if result == "FAILURE":
            return FAILED_LOGIN
        return None
    if event.deep_get("outcome", "result") == "FAILURE":
        return None
    return _BY_EVENT_TYPE.get(event_type)


def get_target_user(event):
    # target is a list of entities; the affected person is the one of type User, when there is one.
    for target in event.get("target") or []:
        if target.get("type") == "User":
            return target.get("alternateId")
    return None
