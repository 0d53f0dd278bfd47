from collections.abc import Mapping

ZONE_CHANGES = {
    "DeleteHostedZone": "hosted zone deleted",
    "DisassociateVPCFromHostedZone": "VPC disassociated from private hosted zone",
    "DisableHostedZoneDNSSEC": "DNSSEC signing disabled",
    "DeactivateKeySigningKey": "DNSSEC key-signing key deactivated",
    "DeleteKeySigningKey": "DNSSEC key-signing key deleted",
}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in ZONE_CHANGES:
        return False
    return event.get("eventSource") == "route53.amazonaws.com" and not event.get("errorCode")


def _zone(event):
    params = _params(event)
    return params.get("hostedZoneId") or params.get("id") or "<unknown zone>"


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"Route 53 zone [{_zone(event)}]: {ZONE_CHANGES[event.get('eventName')]} by [{actor}]"


def dedup(event):
    return str(_zone(event))


def alert_context(event):
    return {
        "hosted_zone": _zone(event),
        "change": ZONE_CHANGES.get(event.get("eventName")),
        "vpc": event.deep_get("requestParameters", "vPC", "vPCId"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
    }
