from tarn_aws_helpers import actor_name, actor_user_name, aws_cloudtrail_success, aws_rule_context

LOGIN_PROFILE_EVENTS = {"CreateLoginProfile", "UpdateLoginProfile"}


def rule(event):
    if event.get("eventName") not in LOGIN_PROFILE_EVENTS:
        return False
    target = event.deep_get("requestParameters", "userName")
    return bool(target) and target != actor_user_name(event) and aws_cloudtrail_success(event)


def title(event):
    verb = "created a console password" if event.get("eventName") == "CreateLoginProfile" else "reset the password"
    return f"[{actor_name(event)}] {verb} for IAM user [{event.deep_get('requestParameters', 'userName')}]"


def severity(event):
    if event.deep_get("requestParameters", "passwordResetRequired") is not True:
        return "HIGH"
    return "DEFAULT"


def dedup(event):
    return f"{event.get('recipientAccountId')}:{event.deep_get('requestParameters', 'userName')}"


def alert_context(event):
    return aws_rule_context(event)
