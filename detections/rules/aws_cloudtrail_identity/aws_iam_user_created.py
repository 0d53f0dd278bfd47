from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context


def rule(event):
    if event.get("eventName") != "CreateUser" or event.get("eventSource") != "iam.amazonaws.com":
        return False
    return aws_cloudtrail_success(event)


def title(event):
    return (
        f"IAM user [{event.deep_get('requestParameters', 'userName', default='<UNKNOWN_USER>')}] "
        f"created by [{actor_name(event)}] in account [{event.get('recipientAccountId')}]"
    )


def severity(event):
    if event.deep_get("userIdentity", "invokedBy") == "cloudformation.amazonaws.com":
        return "INFO"
    if event.deep_get("userIdentity", "type") == "IAMUser":
        return "MEDIUM"
    return "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["newUser"] = event.deep_get("requestParameters", "userName")
    return context
