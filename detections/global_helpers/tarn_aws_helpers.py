"""Helpers for AWS detections, mostly about CloudTrail records (AWS.CloudTrail).

No AWS API calls are made here: everything is read from the event. Nested event values may be read-only
Mappings/Sequences (PantherEvent) or plain dicts/lists (tests), so checks use the abstract types.
"""

from collections.abc import Mapping

from tarn_base_helpers import as_list_of_str, deep_get, listify, load_json, mappings

# AWS managed policies that grant full or IAM-wide control of an account.
ADMIN_POLICY_ARNS = frozenset(
    {
        "arn:aws:iam::aws:policy/AdministratorAccess",
        "arn:aws:iam::aws:policy/IAMFullAccess",
        "arn:aws:iam::aws:policy/AWSOrganizationsFullAccess",
        "arn:aws:iam::aws:policy/job-function/SystemAdministrator",
    }
)

# The identity types CloudTrail writes in userIdentity.type.
ROOT = "Root"
IAM_USER = "IAMUser"
ASSUMED_ROLE = "AssumedRole"
FEDERATED_USER = "FederatedUser"
AWS_ACCOUNT = "AWSAccount"
AWS_SERVICE = "AWSService"
IDENTITY_CENTER_USER = "IdentityCenterUser"


def aws_rule_context(event):
    """The alert context most CloudTrail rules want: what was called, where, by whom, and the call's payload."""
    return {
        "eventName": event.get("eventName", "<UNKNOWN_EVENT_NAME>"),
        "eventSource": event.get("eventSource", "<UNKNOWN_EVENT_SOURCE>"),
        "awsRegion": event.get("awsRegion", "<UNKNOWN_AWS_REGION>"),
        "recipientAccountId": event.get("recipientAccountId", "<UNKNOWN_ACCOUNT_ID>"),
        "sourceIPAddress": event.get("sourceIPAddress", "<UNKNOWN_SOURCE_IP>"),
        "userAgent": event.get("userAgent", "<UNKNOWN_USER_AGENT>"),
        "actorType": deep_get(event, "userIdentity", "type", default="<UNKNOWN_IDENTITY_TYPE>"),
        "actorArn": actor_arn(event),
        "actor": actor_name(event),
        "errorCode": event.get("errorCode"),
        "errorMessage": event.get("errorMessage"),
        "requestParameters": _plain(event.get("requestParameters")),
    }


def _plain(value):
    """A JSON-friendly copy of a (possibly read-only) nested value, for alert contexts."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return [_plain(item) for item in listify(value)]


def caller_context(event):
    """Who made a CloudTrail call and from where, under the snake_case keys the infrastructure rules use.

    Rules put their own details first: {"bucket": ..., **caller_context(event)}.
    """
    return {
        "actor": deep_get(event, "userIdentity", "arn"),
        "actor_type": deep_get(event, "userIdentity", "type"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }


def caller_arn(event):
    """userIdentity.arn as text for titles and dedup keys, "<unknown actor>" when absent.

    Unlike actor_arn, a role session keeps its session ARN, so two people using one role stay apart.
    """
    return str(deep_get(event, "userIdentity", "arn", default="<unknown actor>"))


def account_region(event):
    """ "<account>:<region>": the dedup key of settings that exist once per account and region."""
    return f"{event.get('recipientAccountId')}:{event.get('awsRegion')}"


def request_parameters(event):
    """requestParameters as a Mapping; {} when the call logged none (or logged something else)."""
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def aws_cloudtrail_success(event):
    """True when the call succeeded: no errorCode/errorMessage, and for sign-ins a "Success" response."""
    if event.get("errorCode") or event.get("errorMessage"):
        return False
    console = deep_get(event, "responseElements", "ConsoleLogin")
    return console is None or console == "Success"


def identity_type(event):
    """userIdentity.type: Root, IAMUser, AssumedRole, FederatedUser, AWSAccount, AWSService, ..."""
    return deep_get(event, "userIdentity", "type", default="")


def is_root(event):
    """True when the account's root user made the call (not an AWS service acting on the root's behalf)."""
    return identity_type(event) == ROOT and not deep_get(event, "userIdentity", "invokedBy")


def is_aws_service(event):
    """True when an AWS service made the call itself or on a principal's behalf (userIdentity.invokedBy)."""
    if identity_type(event) == AWS_SERVICE:
        return True
    invoked_by = deep_get(event, "userIdentity", "invokedBy", default="")
    return str(invoked_by).endswith(".amazonaws.com") or invoked_by == "AWS Internal"


def made_by_aws_service(event):
    """True when an AWS service made the call on its own or on a caller's behalf.

    Broader than is_aws_service: any invokedBy counts, and so does a service host as sourceIPAddress, which is how
    CloudFormation stack operations (teardowns deleting buckets, log groups, backups) appear.
    """
    return (
        identity_type(event) == AWS_SERVICE
        or bool(deep_get(event, "userIdentity", "invokedBy"))
        or str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")
    )


def actor_arn(event):
    """The ARN of the principal behind the call; for a role session, the role's ARN rather than the session's."""
    identity = event.get("userIdentity") or {}
    if identity.get("type") == ASSUMED_ROLE:
        issuer = deep_get(identity, "sessionContext", "sessionIssuer", "arn")
        if issuer:
            return issuer
    return identity.get("arn") or identity.get("invokedBy") or identity.get("principalId") or "<UNKNOWN_ACTOR>"


def actor_name(event):
    """A readable name for whoever made the call.

    Root -> "root"; IAM user -> its user name; role session -> "role/session" (for SSO, the session is the
    person's e-mail); AWS service -> the service host; another account -> "account:<id>".
    """
    identity = event.get("userIdentity") or {}
    kind = identity.get("type")
    if kind == ROOT:
        return "root"
    if kind == IAM_USER:
        return identity.get("userName") or _arn_tail(identity.get("arn"))
    if kind == ASSUMED_ROLE:
        role = deep_get(identity, "sessionContext", "sessionIssuer", "userName")
        session = _arn_tail(identity.get("arn"))
        return f"{role}/{session}" if role else session
    if kind == FEDERATED_USER:
        return _arn_tail(identity.get("arn")) or identity.get("principalId")
    if kind == AWS_SERVICE:
        return identity.get("invokedBy", "<UNKNOWN_SERVICE>")
    if kind == AWS_ACCOUNT:
        return f"account:{identity.get('accountId', '<UNKNOWN_ACCOUNT>')}"
    return identity.get("userName") or identity.get("principalId") or "<UNKNOWN_ACTOR>"


def actor_user_name(event):
    """The IAM user name of the caller when the caller is an IAM user, else None."""
    if identity_type(event) != IAM_USER:
        return None
    return deep_get(event, "userIdentity", "userName") or _arn_tail(deep_get(event, "userIdentity", "arn"))


def actor_account(event):
    """The account the caller belongs to (userIdentity.accountId), or None."""
    return deep_get(event, "userIdentity", "accountId")


def _arn_tail(arn):
    """The last path segment of an ARN ("arn:aws:iam::1:user/dev/alice" -> "alice")."""
    if not arn:
        return None
    return str(arn).rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def arn_account_id(arn):
    """The account id field of an ARN, or None ("arn:aws:iam::123456789012:role/x" -> "123456789012")."""
    parts = str(arn or "").split(":")
    if len(parts) < 6 or parts[0] != "arn":
        return None
    return parts[4] or None


def arn_resource_name(arn):
    """The resource name at the end of an ARN, without its path (role/path/Name -> Name)."""
    return _arn_tail(arn)


def resource_arn(event, resource_type):
    """The ARN CloudTrail lists under resources[] for an entry of resource_type ("AWS::KMS::Key"), or None.

    Requests may name a resource by id, alias or ARN; this list carries its canonical ARN.
    """
    for resource in mappings(event.get("resources")):
        if resource.get("type") == resource_type and resource.get("arn"):
            return resource.get("arn")
    return None


def trail_name(event, parameter="name"):
    """The name of the trail a CloudTrail API call names in requestParameters[parameter], "<unknown trail>" if none.

    Callers may pass the trail's name or its ARN (...:trail/<name>); either gives the name, so dedup keys agree.
    """
    trail = str(deep_get(event, "requestParameters", parameter, default="<unknown trail>"))
    return trail.rsplit(":trail/", 1)[-1]


def grants_everyone(permission_items):
    """True when EC2 launch or create-volume permission items add the group "all": every AWS account."""
    return any(item.get("group") == "all" for item in mappings(permission_items))


def other_accounts(event, accounts):
    """The distinct, non-empty account ids among accounts other than the event's own (recipientAccountId), in order."""
    owner = event.get("recipientAccountId")
    found = []
    for account in accounts:
        if isinstance(account, str) and account and account != owner and account not in found:
            found.append(account)
    return found


def mfa_authenticated(event):
    """True when the caller's session was established with MFA (role sessions and console sign-ins)."""
    if deep_get(event, "additionalEventData", "MFAUsed") == "Yes":
        return True
    return str(deep_get(event, "userIdentity", "sessionContext", "attributes", "mfaAuthenticated")).lower() == "true"


def request_parameter(event, name, default=None):
    """requestParameters[name], or default when the call carried no such parameter."""
    return deep_get(event, "requestParameters", name, default=default)


def policy_statements(document):
    """The Statement list of an IAM policy given as a Mapping, JSON text or URL-encoded JSON text."""
    policy = load_json(document)
    if not isinstance(policy, Mapping):
        return []
    return [statement for statement in listify(policy.get("Statement")) if isinstance(statement, Mapping)]


def statement_allows_everything(statement):
    """True for an Allow statement granting every action ("*" or "*:*") on every resource."""
    if statement.get("Effect") != "Allow" or "NotAction" in statement or "NotResource" in statement:
        return False
    actions = as_list_of_str(statement.get("Action"))
    resources = as_list_of_str(statement.get("Resource"))
    return any(action in ("*", "*:*") for action in actions) and "*" in resources


def policy_allows_everything(document):
    """True when any statement of the policy is an unconditional-scope Allow of *:* on *."""
    return any(statement_allows_everything(statement) for statement in policy_statements(document))


def statement_principals(statement):
    """The principals an Allow statement names, as strings: AWS ARNs/account ids, "*", services, federated."""
    principal = statement.get("Principal")
    if isinstance(principal, str):
        return [principal]
    if not isinstance(principal, Mapping):
        return []
    values = []
    for kind in ("AWS", "Federated", "Service", "CanonicalUser"):
        values.extend(as_list_of_str(principal.get(kind)))
    return values


def principal_account_id(principal):
    """The account id a principal string refers to: a bare 12-digit id or the account field of an ARN."""
    text = str(principal)
    if len(text) == 12 and text.isdigit():
        return text
    return arn_account_id(text)
