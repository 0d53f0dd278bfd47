from tarn_aws_helpers import caller_arn, caller_context, request_parameters

ZONE_CHANGES = {
    "DeleteHostedZone": "hosted zone deleted",
    "DisassociateVPCFromHostedZone": "VPC disassociated from private hosted zone",
    "DisableHostedZoneDNSSEC": "DNSSEC signing disabled",
    "DeactivateKeySigningKey": "DNSSEC key-signing key deactivated",
    "DeleteKeySigningKey": "DNSSEC key-signing key deleted",
}


def rule(event):
    if event.get("eventName") not in ZONE_CHANGES:
        return False
    return event.get("eventSource") == "route53.amazonaws.com" and not event.get("errorCode")


def _zone(event):
    params = request_parameters(event)
    return params.get("hostedZoneId") or params.get("id") or "<unknown zone>"


def title(event):
    actor = caller_arn(event)
    return f"Route 53 zone [{_zone(event)}]: {ZONE_CHANGES[event.get('eventName')]} by [{actor}]"


def dedup(event):
    return str(_zone(event))


def alert_context(event):
    return {
        "hosted_zone": _zone(event),
        "change": ZONE_CHANGES[event.get("eventName")],
        "vpc": event.deep_get("requestParameters", "vPC", "vPCId"),
        **caller_context(event),
    }
