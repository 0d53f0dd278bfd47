from tarn_aws_helpers import actor_name, actor_user_name, aws_cloudtrail_success, aws_rule_context


def rule(event):
    if event.get("eventName") != "CreateAccessKey" or event.get("eventSource") != "iam.amazonaws.com":
        return False
    target = event.deep_get("requestParameters", "userName")
    # Without userName the key is for the caller itself; an IAM user naming itself is also self-service.
    if not target or target == actor_user_name(event):
        return False
    return aws_cloudtrail_success(event)


def title(event):
    return (
        f"[{actor_name(event)}] created an access key for IAM user "
        f"[{event.deep_get('requestParameters', 'userName')}] in account [{event.get('recipientAccountId')}]"
    )


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.deep_get('requestParameters', 'userName')}"


def severity(event):
    if event.deep_get("userIdentity", "type") == "IAMUser":
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["keyOwner"] = event.deep_get("requestParameters", "userName")
    context["accessKeyId"] = event.deep_get("responseElements", "accessKey", "accessKeyId")
    return context
