from tarn_base_helpers import is_internal_ip

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


def rule(event):
    # InlineFilters already keep only ACCEPT records; checking again keeps the rule correct on its own.
    if event.get("action") != "ACCEPT" or event.get("protocol") != TCP:
        return False
    if event.get("dstPort") not in ADMIN_PORTS:
        return False
    source, destination = event.get("srcAddr"), event.get("dstAddr")
    if not source or not destination:
        return False
    # Outside INTERNAL_NETWORKS (tarn_base_helpers) means the internet.
    return not is_internal_ip(source) and is_internal_ip(destination)


def service(event):
    # Only called for matches, whose port is always listed; a subscript keeps ADMIN_PORTS a pre-filter constant.
    return ADMIN_PORTS[event.get("dstPort")]


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
