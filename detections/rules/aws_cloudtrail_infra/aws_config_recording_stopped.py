from tarn_aws_helpers import account_region, caller_arn, caller_context, request_parameters

CONFIG_TAMPERING = {
    "StopConfigurationRecorder": "recorder stopped",
    "DeleteConfigurationRecorder": "recorder deleted",
    "DeleteDeliveryChannel": "delivery channel deleted",
}


def rule(event):
    if event.get("eventName") not in CONFIG_TAMPERING:
        return False
    return event.get("eventSource") == "config.amazonaws.com" and not event.get("errorCode")


def _target(event):
    params = request_parameters(event)
    return params.get("configurationRecorderName") or params.get("deliveryChannelName") or "default"


def title(event):
    actor = caller_arn(event)
    what = CONFIG_TAMPERING[event.get("eventName")]
    return f"AWS Config {what} [{_target(event)}] in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return account_region(event)


def alert_context(event):
    return {
        "event_name": event.get("eventName"),
        "target": _target(event),
        **caller_context(event),
    }
