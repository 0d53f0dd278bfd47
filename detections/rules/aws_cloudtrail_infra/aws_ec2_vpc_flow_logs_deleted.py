from collections.abc import Mapping, Sequence


def rule(event):
    return (
        event.get("eventName") == "DeleteFlowLogs"
        and event.get("eventSource") == "ec2.amazonaws.com"
        and not event.get("errorCode")
    )


def flow_log_ids(event):
    """fl-… ids wherever the request carries them; EC2 has logged this request in more than one shape."""
    found = []

    def walk(value):
        if isinstance(value, str):
            if value.startswith("fl-") and value not in found:
                found.append(value)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, Sequence):
            for item in value:
                walk(item)

    walk(event.get("requestParameters"))
    return found


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    ids = ", ".join(flow_log_ids(event)) or "<unknown flow log>"
    return f"VPC flow log(s) [{ids}] deleted by [{actor}]"


def dedup(event):
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def alert_context(event):
    return {
        "flow_logs": flow_log_ids(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
