from tarn_aws_helpers import caller_arn, caller_context, request_parameters


def rule(event):
    if event.get("eventName") != "ModifyInstanceAttribute" or event.get("errorCode"):
        return False
    params = request_parameters(event)
    # The user data itself is redacted in CloudTrail; its presence is what tells us it was replaced.
    return "userData" in params or params.get("attribute") == "userData"


def _instance(event):
    return event.deep_get("requestParameters", "instanceId", default="<unknown instance>")


def title(event):
    actor = caller_arn(event)
    return f"User data (boot script) of EC2 instance [{_instance(event)}] replaced by [{actor}]"


def dedup(event):
    return str(_instance(event))


def alert_context(event):
    return {
        "instance": _instance(event),
        **caller_context(event),
    }
