def rule(event):
    return (
        event.get("eventName") == "DisableEbsEncryptionByDefault"
        and event.get("eventSource") == "ec2.amazonaws.com"
        and not event.get("errorCode")
    )


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return (
        f"EBS encryption by default disabled in account [{event.get('recipientAccountId')}] "
        f"region [{event.get('awsRegion')}] by [{actor}]"
    )


def dedup(event):
    # The setting is per account and region.
    return f"{event.get('recipientAccountId')}:{event.get('awsRegion')}"


def alert_context(event):
    return {
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
