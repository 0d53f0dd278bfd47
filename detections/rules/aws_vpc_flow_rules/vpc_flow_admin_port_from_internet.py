import ipaddress

# Remote administration and data-store ports that should never be reachable from the internet.
ADMIN_PORTS = {
    22: "SSH",
    23: "Telnet",
    445: "SMB",
    2375: "Docker API",
    2376: "Docker API (TLS)",
    3389: "RDP",
    5900: "VNC",
    5985: "WinRM",
    5986: "WinRM (TLS)",
    6379: "Redis",
    9200: "Elasticsearch",
}
TCP = 6

# Internal ranges: RFC 1918, carrier-grade NAT, loopback and link-local. Anything else came from the internet.
# (ipaddress's is_private also treats the documentation ranges as private, which would hide real-looking
# external addresses in test and demo data, so the ranges are spelled out.)
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
    # InlineFilters already keep only ACCEPT records; checking again keeps the rule correct on its own.
    if event.get("action") != "ACCEPT" or event.get("protocol") != TCP:
        return False
    if event.get("dstPort") not in ADMIN_PORTS:
        return False
    source, destination = event.get("srcAddr"), event.get("dstAddr")
    if not source or not destination:
        return False
    return not is_internal(source) and is_internal(destination)


def service(event):
    return ADMIN_PORTS.get(event.get("dstPort"), "unknown service")


def title(event):
    return (
        f"VPC Flow: {event.get('srcAddr')} from the internet reached {event.get('dstAddr')} on "
        f"{service(event)} (port {event.get('dstPort')})"
    )


def dedup(event):
    return f"{event.get('dstAddr')}:{event.get('dstPort')}"


def alert_context(event):
    return {
        "source_ip": event.get("srcAddr"),
        "destination_ip": event.get("dstAddr"),
        "destination_port": event.get("dstPort"),
        "service": service(event),
        "interface_id": event.get("interfaceId"),
        "account": event.get("account"),
        "packets": event.get("packets"),
        "bytes": event.get("bytes"),
    }
