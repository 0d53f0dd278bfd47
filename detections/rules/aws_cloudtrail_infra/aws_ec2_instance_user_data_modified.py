from collections.abc import Mapping


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") != "ModifyInstanceAttribute" or event.get("errorCode"):
        return False
    params = _params(event)
    # The user data itself is redacted in CloudTrail; its presence is what tells us it was replaced.
    return "userData" in params or params.get("attribute") == "userData"


def _instance(event):
    return event.deep_get("requestParameters", "instanceId", default="<unknown instance>")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"User data (boot script) of EC2 instance [{_instance(event)}] replaced by [{actor}]"


def dedup(event):
    return str(_instance(event))


def alert_context(event):
    return {
        "instance": _instance(event),
        "actor": event.deep_get("userIdentity", "arn"),
        "actor_type": event.deep_get("userIdentity", "type"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
