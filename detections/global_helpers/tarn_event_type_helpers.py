"""Standard event types returned by data models' event_type method (event.udm("event_type")).

They let one "Standard" rule cover every log type whose data model maps the same kind of event.
"""

ACCOUNT_CREATED = "account_created"
ADMIN_ROLE_ASSIGNED = "admin_role_assigned"
FAILED_LOGIN = "failed_login"
MFA_DISABLED = "mfa_disabled"
MFA_RESET = "mfa_reset"
PASSWORD_POLICY_CHANGED = "password_policy_changed"
SUCCESSFUL_LOGIN = "successful_login"
SUCCESSFUL_LOGOUT = "successful_logout"
USER_ACCOUNT_CREATED = "user_account_created"
USER_ACCOUNT_DELETED = "user_account_deleted"
USER_ACCOUNT_MODIFIED = "user_account_modified"
USER_GROUP_ASSIGNED = "user_group_assigned"
USER_GROUP_DELETED = "user_group_deleted"
USER_ROLE_ASSIGNED = "user_role_assigned"
USER_ROLE_DELETED = "user_role_deleted"
USER_ROLE_MODIFIED = "user_role_modified"
CREDENTIAL_CREATED = "credential_created"
SECRET_READ = "secret_read"
