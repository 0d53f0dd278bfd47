from collections.abc import Mapping, Sequence

PARAMETER_READS = {"GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory"}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in PARAMETER_READS or event.get("errorCode"):
        return False
    if str(event.deep_get("requestParameters", "withDecryption")).lower() != "true":
        return False
    # Services resolving parameters for a workload (sourceIPAddress "ecs-tasks.amazonaws.com", ...)
    # are the baseline.
    if event.deep_get("userIdentity", "type") == "AWSService":
        return False
    return not str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")


def _actor(event):
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def _parameters(event):
    params = _params(event)
    names = params.get("names")
    if isinstance(names, Sequence) and not isinstance(names, (str, Mapping)):
        return [str(n) for n in names]
    return [params.get("name") or params.get("path") or "<unknown parameter>"]


def title(event):
    return f"[{_actor(event)}] decrypted many SSM SecureString parameters in a short time"


def dedup(event):
    return str(_actor(event))


def alert_context(event):
    return {
        "actor": _actor(event),
        "parameters_in_this_event": _parameters(event),
        "recursive": event.deep_get("requestParameters", "recursive"),
        "source_ip": event.get("sourceIPAddress"),
        "user_agent": event.get("userAgent"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
