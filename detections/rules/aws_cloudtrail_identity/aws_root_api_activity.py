from tarn_aws_helpers import aws_rule_context, is_root

# Event types that are not an API call made by the root user itself.
IGNORED_EVENT_TYPES = {"AwsConsoleSignIn", "AwsServiceEvent"}


def rule(event):
    if event.deep_get("userIdentity", "type") != "Root":
        return False
    return is_root(event) and event.get("eventType") not in IGNORED_EVENT_TYPES


def title(event):
    return (
        f"AWS root user called [{event.get('eventSource')}:{event.get('eventName')}] "
        f"in account [{event.get('recipientAccountId')}]"
    )


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.get('sourceIPAddress')}"


def alert_context(event):
    return aws_rule_context(event)
