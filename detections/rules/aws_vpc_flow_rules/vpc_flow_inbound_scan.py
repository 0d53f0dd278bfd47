from tarn_base_helpers import is_internal_ip


def rule(event):
    if event.get("action") != "REJECT":
        return False
    source, destination = event.get("srcAddr"), event.get("dstAddr")
    if not source or not destination:
        return False
    return not is_internal_ip(source) and is_internal_ip(destination)


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
