from tarn_aws_helpers import account_region, caller_arn, caller_context


def rule(event):
    if event.get("eventSource") != "macie2.amazonaws.com" or event.get("errorCode"):
        return False
    name = event.get("eventName")
    if name == "DisableMacie":
        return True
    return name == "UpdateMacieSession" and event.deep_get("requestParameters", "status") == "PAUSED"


def title(event):
    actor = caller_arn(event)
    action = "disabled" if event.get("eventName") == "DisableMacie" else "paused"
    return f"Amazon Macie {action} in [{event.get('awsRegion')}] by [{actor}]"


def dedup(event):
    return account_region(event)


def severity(event):
    # Disabling deletes Macie's findings and configuration; pausing keeps them.
    return "HIGH" if event.get("eventName") == "DisableMacie" else "DEFAULT"


def alert_context(event):
    return {
        "event_name": event.get("eventName"),
        **caller_context(event),
    }
