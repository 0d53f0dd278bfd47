from tarn_aws_helpers import caller_arn, caller_context, grants_everyone


def rule(event):
    if event.get("eventName") != "ModifyImageAttribute" or event.get("errorCode"):
        return False
    added = event.deep_get("requestParameters", "launchPermission", "add", "items")
    return grants_everyone(added)


def _image(event):
    return event.deep_get("requestParameters", "imageId", default="<unknown image>")


def title(event):
    actor = caller_arn(event)
    return f"AMI [{_image(event)}] made public (launchable by every AWS account) by [{actor}]"


def dedup(event):
    return str(_image(event))


def alert_context(event):
    return {
        "image": _image(event),
        **caller_context(event),
    }
