from collections.abc import Mapping

from tarn_aws_helpers import caller_arn, caller_context, request_parameters

NACL_CHANGES = {
    "CreateNetworkAclEntry",
    "ReplaceNetworkAclEntry",
    "DeleteNetworkAclEntry",
    "ReplaceNetworkAclAssociation",
    "DeleteNetworkAcl",
}
ADMIN_PORTS = (22, 23, 3389, 5900, 5985, 5986)


def rule(event):
    if event.get("eventName") not in NACL_CHANGES:
        return False
    return event.get("eventSource") == "ec2.amazonaws.com" and not event.get("errorCode")


def _opens_admin_access(event):
    """An inbound allow from anywhere for all traffic, or for a port range that covers a remote-admin port."""
    params = request_parameters(event)
    if params.get("ruleAction") != "allow" or str(params.get("egress")).lower() == "true":
        return False
    if params.get("cidrBlock") != "0.0.0.0/0" and params.get("ipv6CidrBlock") != "::/0":
        return False
    if str(params.get("aclProtocol")) == "-1":
        return True
    port_range = params.get("portRange")
    if not isinstance(port_range, Mapping):
        return False
    try:
        low, high = int(port_range.get("from")), int(port_range.get("to"))
    except (TypeError, ValueError):
        return False
    return str(params.get("aclProtocol")) == "6" and any(low <= p <= high for p in ADMIN_PORTS)


def _acl(event):
    return event.deep_get("requestParameters", "networkAclId") or event.deep_get(
        "requestParameters", "associationId", default="<unknown network ACL>"
    )


def title(event):
    actor = caller_arn(event)
    verb = "opened to admin traffic from anywhere" if _opens_admin_access(event) else "changed"
    return f"Network ACL [{_acl(event)}] {verb} ({event.get('eventName')}) by [{actor}]"


def dedup(event):
    return str(_acl(event))


def severity(event):
    return "HIGH" if _opens_admin_access(event) else "DEFAULT"


def alert_context(event):
    params = request_parameters(event)
    return {
        "network_acl": _acl(event),
        "event_name": event.get("eventName"),
        "rule_number": params.get("ruleNumber"),
        "rule_action": params.get("ruleAction"),
        "egress": params.get("egress"),
        "cidr": params.get("cidrBlock") or params.get("ipv6CidrBlock"),
        "protocol": params.get("aclProtocol"),
        **caller_context(event),
    }
