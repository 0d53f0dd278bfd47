from collections.abc import Mapping

CONFIG_TAMPERING = {
    "StopConfigurationRecorder": "recorder stopped",
    "DeleteConfigurationRecorder": "recorder deleted",
    "DeleteDeliveryChannel": "delivery channel deleted",
}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in CONFIG_TAMPERING:
        return False
    return event.get("eventSource") == "config.amazonaws.com" and not event.get("errorCode")


def _target(event):
    params = _params(event)
    return params.get("configurationRecorderName") or params.get("deliveryChannelName") or "default"


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    what = CONFIG_TAMPERING.get(event.get("eventName"), event.get("eventName"))
    return f"AWS Config {what} [{_target(event)}] in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.get('awsRegion')}"


def alert_context(event):
    return {
        "event_name": event.get("eventName"),
        "target": _target(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
