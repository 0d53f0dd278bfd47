ADMIN_ROLE_ASSIGNED = "admin_role_assigned"
MFA_DISABLED = "mfa_disabled"
USER_GROUP_MEMBERSHIP_ADDED = "user_group_membership_added"

_MFA_REQUIREMENT_OFF = {"org.disable_two_factor_requirement", "business.disable_two_factor_requirement"}


def get_event_type(event):
    action = event.get("action")
    if action in ("org.add_member", "org.update_member") and event.get("permission") == "admin":
        return ADMIN_ROLE_ASSIGNED
    if action in ("team.add_member", "org.add_member"):
        return USER_GROUP_MEMBERSHIP_ADDED
    if action in _MFA_REQUIREMENT_OFF:
        return MFA_DISABLED
    return None
