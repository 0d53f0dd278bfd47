from tarn_aws_helpers import account_region, caller_arn, caller_context


def rule(event):
    return (
        event.get("eventName") == "DisableEbsEncryptionByDefault"
        and event.get("eventSource") == "ec2.amazonaws.com"
        and not event.get("errorCode")
    )


def title(event):
    actor = caller_arn(event)
    return (
        f"EBS encryption by default disabled in account [{event.get('recipientAccountId')}] "
        f"region [{event.get('awsRegion')}] by [{actor}]"
    )


def dedup(event):
    # The setting is per account and region.
    return account_region(event)


def alert_context(event):
    return caller_context(event)
