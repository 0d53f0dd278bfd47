from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context


def rule(event):
    return (
        event.get("eventName") == "SetDefaultPolicyVersion"
        and event.get("eventSource") == "iam.amazonaws.com"
        and aws_cloudtrail_success(event)
    )


def title(event):
    return (
        f"[{actor_name(event)}] made version [{event.deep_get('requestParameters', 'versionId')}] the default "
        f"of policy [{event.deep_get('requestParameters', 'policyArn')}]"
    )


def alert_context(event):
    return aws_rule_context(event)
