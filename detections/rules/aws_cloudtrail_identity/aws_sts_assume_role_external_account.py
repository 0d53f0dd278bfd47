from tarn_aws_helpers import aws_cloudtrail_success, aws_rule_context

# Accounts allowed to assume roles here without an alert: your organization's accounts and vendors.
TRUSTED_ACCOUNT_IDS = frozenset()


def rule(event):
    if event.get("eventName") != "AssumeRole" or event.deep_get("userIdentity", "type") != "AWSAccount":
        return False
    caller = event.deep_get("userIdentity", "accountId")
    if not caller or caller == event.get("recipientAccountId") or caller in TRUSTED_ACCOUNT_IDS:
        return False
    return aws_cloudtrail_success(event)


def title(event):
    return (
        f"Account [{event.deep_get('userIdentity', 'accountId')}] assumed role "
        f"[{event.deep_get('requestParameters', 'roleArn')}] from [{event.get('sourceIPAddress')}]"
    )


def dedup(event):
    return f"{event.deep_get('userIdentity', 'accountId')}:{event.deep_get('requestParameters', 'roleArn')}"


def alert_context(event):
    context = aws_rule_context(event)
    context["callerAccountId"] = event.deep_get("userIdentity", "accountId")
    context["roleSessionName"] = event.deep_get("requestParameters", "roleSessionName")
    return context
