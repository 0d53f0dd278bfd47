"""Methods of the AWS.CloudTrail data model (aws_cloudtrail_data_model.yml)."""

import tarn_event_type_helpers as event_type
from tarn_aws_helpers import ADMIN_POLICY_ARNS, actor_arn, actor_name, aws_cloudtrail_success

# Successful IAM/Organizations calls that map one-to-one onto a standard event type.
_EVENT_TYPES = {
    "CreateUser": event_type.USER_ACCOUNT_CREATED,
    "DeleteUser": event_type.USER_ACCOUNT_DELETED,
    "UpdateUser": event_type.USER_ACCOUNT_MODIFIED,
    "CreateLoginProfile": event_type.USER_ACCOUNT_MODIFIED,
    "UpdateLoginProfile": event_type.USER_ACCOUNT_MODIFIED,
    "AddUserToGroup": event_type.USER_GROUP_ASSIGNED,
    "RemoveUserFromGroup": event_type.USER_GROUP_DELETED,
    "DeactivateMFADevice": event_type.MFA_DISABLED,
    "DeleteVirtualMFADevice": event_type.MFA_DISABLED,
    "UpdateAccountPasswordPolicy": event_type.PASSWORD_POLICY_CHANGED,
    "DeleteAccountPasswordPolicy": event_type.PASSWORD_POLICY_CHANGED,
    "CreateAccessKey": event_type.CREDENTIAL_CREATED,
    "CreateAccount": event_type.ACCOUNT_CREATED,
}
_POLICY_ATTACHMENTS = {"AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy"}


def get_actor_user(event):
    """Who made the call, readable: "root", an IAM user name, "role/session", a service host."""
    return actor_name(event)


def get_actor_arn(event):
    """The ARN of the calling principal (for a role session, the role)."""
    return actor_arn(event)


def get_event_type(event):
    """The standard event type of a sign-in or an identity change, or None for other calls."""
    name = event.get("eventName")
    if name == "ConsoleLogin":
        if aws_cloudtrail_success(event):
            return event_type.SUCCESSFUL_LOGIN
        return event_type.FAILED_LOGIN
    if not aws_cloudtrail_success(event):
        return None
    if name in _POLICY_ATTACHMENTS and get_assigned_admin_role(event):
        return event_type.ADMIN_ROLE_ASSIGNED
    return _EVENT_TYPES.get(name)


def get_assigned_admin_role(event):
    """The admin managed-policy ARN an Attach*Policy call granted, or None."""
    if event.get("eventName") not in _POLICY_ATTACHMENTS:
        return None
    policy = event.deep_get("requestParameters", "policyArn")
    return policy if policy in ADMIN_POLICY_ARNS else None
