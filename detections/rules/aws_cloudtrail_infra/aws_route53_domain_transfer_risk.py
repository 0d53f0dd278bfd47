from tarn_aws_helpers import caller_arn, caller_context

DOMAIN_CHANGES = {
    "TransferDomainToAnotherAwsAccount": "transfer to another AWS account started",
    "DisableDomainTransferLock": "transfer lock removed",
    "UpdateDomainNameservers": "registrar name servers replaced",
}


def rule(event):
    if event.get("eventName") not in DOMAIN_CHANGES:
        return False
    return event.get("eventSource") == "route53domains.amazonaws.com" and not event.get("errorCode")


def _domain(event):
    return event.deep_get("requestParameters", "domainName", default="<unknown domain>")


def title(event):
    actor = caller_arn(event)
    return f"Domain [{_domain(event)}]: {DOMAIN_CHANGES[event.get('eventName')]} by [{actor}]"


def dedup(event):
    return str(_domain(event))


def severity(event):
    if event.get("eventName") == "TransferDomainToAnotherAwsAccount":
        return "CRITICAL"
    return "DEFAULT"


def alert_context(event):
    return {
        "domain": _domain(event),
        "change": DOMAIN_CHANGES[event.get("eventName")],
        "target_account": event.deep_get("requestParameters", "accountId"),
        "nameservers": event.deep_get("requestParameters", "nameservers"),
        **caller_context(event),
    }
