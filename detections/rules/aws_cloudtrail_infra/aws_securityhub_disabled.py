from collections.abc import Mapping

SECURITYHUB_OFF = {
    "DisableSecurityHub": "disabled",
    "BatchDisableStandards": "security standards disabled",
    "DisableImportFindingsForProduct": "finding imports from an integrated product disabled",
}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in SECURITYHUB_OFF:
        return False
    return event.get("eventSource") == "securityhub.amazonaws.com" and not event.get("errorCode")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    what = SECURITYHUB_OFF[event.get("eventName")]
    return f"Security Hub {what} in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.get('awsRegion')}"


def severity(event):
    return "HIGH" if event.get("eventName") == "DisableSecurityHub" else "DEFAULT"


def alert_context(event):
    params = _params(event)
    return {
        "event_name": event.get("eventName"),
        "standards": params.get("StandardsSubscriptionArns"),
        "product_subscription": params.get("ProductSubscriptionArn"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
