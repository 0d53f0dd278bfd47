from collections.abc import Mapping

from tarn_aws_helpers import caller_arn, caller_context


def rule(event):
    return (
        event.get("eventName") == "CreateTrafficMirrorSession"
        and event.get("eventSource") == "ec2.amazonaws.com"
        and not event.get("errorCode")
    )


def _request(event):
    request = event.deep_get("requestParameters", "CreateTrafficMirrorSessionRequest")
    return request if isinstance(request, Mapping) else {}


def title(event):
    actor = caller_arn(event)
    source = _request(event).get("NetworkInterfaceId", "<unknown interface>")
    target = _request(event).get("TrafficMirrorTargetId", "<unknown target>")
    return f"Traffic of network interface [{source}] mirrored to [{target}] by [{actor}]"


def dedup(event):
    return str(_request(event).get("NetworkInterfaceId", "<unknown interface>"))


def alert_context(event):
    return {
        "network_interface": _request(event).get("NetworkInterfaceId"),
        "mirror_target": _request(event).get("TrafficMirrorTargetId"),
        "mirror_filter": _request(event).get("TrafficMirrorFilterId"),
        "session": event.deep_get(
            "responseElements",
            "CreateTrafficMirrorSessionResponse",
            "trafficMirrorSession",
            "trafficMirrorSessionId",
        ),
        **caller_context(event),
    }
