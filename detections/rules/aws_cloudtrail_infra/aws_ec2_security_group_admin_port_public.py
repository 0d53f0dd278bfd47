from collections.abc import Mapping

from tarn_aws_helpers import caller_arn, caller_context
from tarn_base_helpers import deep_get, mappings

ADMIN_PORTS = {22: "SSH", 23: "Telnet", 3389: "RDP", 5900: "VNC", 5985: "WinRM", 5986: "WinRM-TLS"}
ANYWHERE = {"0.0.0.0/0", "::/0"}


def _port(value, fallback):
    try:
        return int(value)
    except (TypeError, ValueError):
        return fallback


def _exposed(protocol, from_port, to_port):
    """Admin services reachable through a rule; protocol -1 (all traffic) exposes every port."""
    if str(protocol) == "-1":
        return sorted(set(ADMIN_PORTS.values()))
    if str(protocol).lower() not in ("tcp", "6"):
        return []
    low, high = _port(from_port, 0), _port(to_port, 65535)
    return [name for port, name in ADMIN_PORTS.items() if low <= port <= high]


def _classic_rules(params):
    # AuthorizeSecurityGroupIngress: ipPermissions.items[], each with ipRanges.items[].cidrIp and
    # ipv6Ranges.items[].cidrIpv6
    for perm in mappings(deep_get(params, "ipPermissions", "items")):
        cidrs = [r.get("cidrIp") for r in mappings(deep_get(perm, "ipRanges", "items"))]
        cidrs += [r.get("cidrIpv6") for r in mappings(deep_get(perm, "ipv6Ranges", "items"))]
        for cidr in cidrs:
            yield cidr, perm.get("ipProtocol"), perm.get("fromPort"), perm.get("toPort")


def _modified_rules(params):
    # ModifySecurityGroupRules: one or more SecurityGroupRule entries, each wrapping the new rule definition
    for entry in mappings(deep_get(params, "ModifySecurityGroupRulesRequest", "SecurityGroupRule")):
        new = entry.get("SecurityGroupRule")
        if not isinstance(new, Mapping):
            continue
        for cidr in (new.get("CidrIpv4"), new.get("CidrIpv6")):
            yield cidr, new.get("IpProtocol"), new.get("FromPort"), new.get("ToPort")


def exposures(event):
    params = event.get("requestParameters")
    if not isinstance(params, Mapping):
        return []
    source = _modified_rules if event.get("eventName") == "ModifySecurityGroupRules" else _classic_rules
    found = []
    for cidr, protocol, from_port, to_port in source(params):
        if isinstance(cidr, str) and cidr in ANYWHERE:
            for service in _exposed(protocol, from_port, to_port):
                if service not in found:
                    found.append(service)
    return found


def rule(event):
    if event.get("eventName") not in ("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"):
        return False
    return not event.get("errorCode") and bool(exposures(event))


def _group(event):
    return event.deep_get("requestParameters", "groupId") or event.deep_get(
        "requestParameters", "ModifySecurityGroupRulesRequest", "GroupId", default="<unknown group>"
    )


def title(event):
    actor = caller_arn(event)
    services = ", ".join(exposures(event))
    return f"Security group [{_group(event)}] opened {services} to the internet by [{actor}]"


def dedup(event):
    return str(_group(event))


def alert_context(event):
    return {
        "security_group": _group(event),
        "exposed_services": exposures(event),
        **caller_context(event),
    }
