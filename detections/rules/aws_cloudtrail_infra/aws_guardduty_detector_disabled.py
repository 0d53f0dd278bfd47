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
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    action = "deleted" if event.get("eventName") == "DeleteDetector" else "suspended"
    return f"GuardDuty detector [{_detector(event)}] {action} in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.get('awsRegion')}"


def alert_context(event):
    return {
        "detector": _detector(event),
        "event_name": event.get("eventName"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
