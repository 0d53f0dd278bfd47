from tarn_aws_helpers import (
    actor_name,
    aws_cloudtrail_success,
    aws_rule_context,
    policy_statements,
    principal_account_id,
    statement_principals,
)

# Accounts outside this one that roles may legitimately trust (your organization's accounts, vendors).
TRUSTED_ACCOUNT_IDS = frozenset()

TRUST_DOCUMENTS = {"CreateRole": "assumeRolePolicyDocument", "UpdateAssumeRolePolicy": "policyDocument"}
# Condition keys that pin a "*" principal to the caller's own organization or account.
SCOPING_CONDITION_KEYS = ("aws:principalorgid", "aws:principalaccount", "aws:principalorgpaths")


def rule(event):
    name = event.get("eventName")
    if name not in TRUST_DOCUMENTS or event.get("eventSource") != "iam.amazonaws.com":
        return False
    return aws_cloudtrail_success(event) and bool(outside_principals(event))


def outside_principals(event):
    """AWS principals in Allow statements that are "*" or belong to another, untrusted account."""
    account = event.get("recipientAccountId")
    document = event.deep_get("requestParameters", TRUST_DOCUMENTS[event.get("eventName")])
    found = []
    for statement in policy_statements(document):
        if statement.get("Effect") != "Allow":
            continue
        for principal in statement_principals(statement):
            if principal == "*":
                if not _scoped_to_own_organization(statement):
                    found.append(principal)
                continue
            other = principal_account_id(principal)
            if other and other != account and other not in TRUSTED_ACCOUNT_IDS:
                found.append(principal)
    return found


def _scoped_to_own_organization(statement):
    """True when the statement's Condition limits callers by organization or account id."""
    condition = statement.get("Condition") or {}
    keys = {str(key).lower() for operator in condition.values() if hasattr(operator, "keys") for key in operator}
    return any(key in keys for key in SCOPING_CONDITION_KEYS)


def title(event):
    return (
        f"[{actor_name(event)}] let {outside_principals(event)} assume role "
        f"[{event.deep_get('requestParameters', 'roleName')}] in account [{event.get('recipientAccountId')}]"
    )


def severity(event):
    return "CRITICAL" if "*" in outside_principals(event) else "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["outsidePrincipals"] = outside_principals(event)
    return context
