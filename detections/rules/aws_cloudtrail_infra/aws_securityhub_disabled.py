from tarn_aws_helpers import account_region, caller_arn, caller_context, request_parameters

SECURITYHUB_OFF = {
    "DisableSecurityHub": "disabled",
    "BatchDisableStandards": "security standards disabled",
    "DisableImportFindingsForProduct": "finding imports from an integrated product disabled",
}


def rule(event):
    if event.get("eventName") not in SECURITYHUB_OFF:
        return False
    return event.get("eventSource") == "securityhub.amazonaws.com" and not event.get("errorCode")


def title(event):
    actor = caller_arn(event)
    what = SECURITYHUB_OFF[event.get("eventName")]
    return f"Security Hub {what} in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return account_region(event)


def severity(event):
    return "HIGH" if event.get("eventName") == "DisableSecurityHub" else "DEFAULT"


def alert_context(event):
    params = request_parameters(event)
    return {
        "event_name": event.get("eventName"),
        "standards": params.get("StandardsSubscriptionArns"),
        "product_subscription": params.get("ProductSubscriptionArn"),
        **caller_context(event),
    }
