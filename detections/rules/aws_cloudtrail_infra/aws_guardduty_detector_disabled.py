from tarn_aws_helpers import account_region, caller_arn, caller_context


def rule(event):
    if event.get("eventSource") != "guardduty.amazonaws.com" or event.get("errorCode"):
        return False
    name = event.get("eventName")
    if name == "DeleteDetector":
        return True
    # UpdateDetector with enable=false suspends the detector: no new findings, no alert that it stopped.
    return name == "UpdateDetector" and str(event.deep_get("requestParameters", "enable")).lower() == "false"


def _detector(event):
    return event.deep_get("requestParameters", "detectorId", default="<unknown detector>")


def title(event):
    actor = caller_arn(event)
    action = "deleted" if event.get("eventName") == "DeleteDetector" else "suspended"
    return f"GuardDuty detector [{_detector(event)}] {action} in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return account_region(event)


def alert_context(event):
    return {
        "detector": _detector(event),
        "event_name": event.get("eventName"),
        **caller_context(event),
    }
