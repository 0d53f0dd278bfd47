from tarn_aws_helpers import aws_cloudtrail_success, aws_rule_context


def rule(event):
    if event.get("eventName") != "CreateAccessKey":
        return False
    if event.deep_get("userIdentity", "type") != "Root":
        return False
    # With a userName the root user is creating a key for an IAM user, not for itself.
    return not event.deep_get("requestParameters", "userName") and aws_cloudtrail_success(event)


def title(event):
    return (
        f"Access key [{event.deep_get('responseElements', 'accessKey', 'accessKeyId', default='?')}] "
        f"created for the root user of account [{event.get('recipientAccountId')}]"
    )


def alert_context(event):
    context = aws_rule_context(event)
    context["accessKeyId"] = event.deep_get("responseElements", "accessKey", "accessKeyId")
    return context
