from collections.abc import Mapping, Sequence

RETRIEVALS = {"GetSecretValue", "BatchGetSecretValue"}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in RETRIEVALS or event.get("errorCode"):
        return False
    # Services fetching secrets for tasks and functions (sourceIPAddress "ecs-tasks.amazonaws.com", ...)
    # are the steady baseline; the Threshold counts what people and credentials fetch themselves.
    if event.deep_get("userIdentity", "type") == "AWSService":
        return False
    return not str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")


def _actor(event):
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def _secrets(event):
    params = _params(event)
    if params.get("secretId"):
        return [params.get("secretId")]
    listed = params.get("secretIdList")
    if isinstance(listed, Sequence) and not isinstance(listed, (str, Mapping)):
        return [str(s) for s in listed]
    return []


def title(event):
    return f"[{_actor(event)}] retrieved many Secrets Manager secret values in a short time"


def dedup(event):
    return str(_actor(event))


def alert_context(event):
    return {
        "actor": _actor(event),
        "secrets_in_this_event": _secrets(event),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
