from collections.abc import Mapping, Sequence

from tarn_aws_helpers import caller_arn, caller_context


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
    actor = caller_arn(event)
    ids = ", ".join(flow_log_ids(event)) or "<unknown flow log>"
    return f"VPC flow log(s) [{ids}] deleted by [{actor}]"


def dedup(event):
    return caller_arn(event)


def alert_context(event):
    return {
        "flow_logs": flow_log_ids(event),
        **caller_context(event),
    }
