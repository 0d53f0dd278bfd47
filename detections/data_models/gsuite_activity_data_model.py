SUCCESSFUL_LOGIN = "successful_login"
FAILED_LOGIN = "failed_login"
SUCCESSFUL_LOGOUT = "successful_logout"
ADMIN_ROLE_ASSIGNED = "admin_role_assigned"

_LOGIN_EVENTS = {
    "login_success": SUCCESSFUL_LOGIN,
    "login_failure": FAILED_LOGIN,
    "logout": SUCCESSFUL_LOGOUT,
}
_ADMIN_EVENTS = {
    "ASSIGN_ROLE": ADMIN_ROLE_ASSIGNED,
    "GRANT_ADMIN_PRIVILEGE": ADMIN_ROLE_ASSIGNED,
}


def get_event_type(event):
    # Event names are only unique within an application, so the application picks the table.
    application = event.deep_get("id", "applicationName")
    if application == "login":
        return _LOGIN_EVENTS.get(event.get("name"))
    if application == "admin":
        return _ADMIN_EVENTS.get(event.get("name"))
    return None
