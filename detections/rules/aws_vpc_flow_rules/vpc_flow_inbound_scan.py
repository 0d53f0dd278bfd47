import ipaddress

INTERNAL_NETWORKS = [
    ipaddress.ip_network(cidr)
    for cidr in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
                 "169.254.0.0/16", "fc00::/7", "fe80::/10", "::1/128")
]


def is_internal(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in INTERNAL_NETWORKS if network.version == ip.version)


def rule(event):
    if event.get("action") != "REJECT":
        return False
    source, destination = event.get("srcAddr"), event.get("dstAddr")
    if not source or not destination:
        return False
    return not is_internal(source) and is_internal(destination)


def title(event):
    return f"VPC Flow: {event.get('srcAddr')} is probing the VPC (rejected connections)"


def dedup(event):
    return event.get("srcAddr")


def alert_context(event):
    return {
        "source_ip": event.get("srcAddr"),
        "destination_ip": event.get("dstAddr"),
        "destination_port": event.get("dstPort"),
        "protocol": event.get("protocol"),
        "interface_id": event.get("interfaceId"),
        "account": event.get("account"),
    }
