from collections.abc import Mapping, Sequence

from tarn_aws_helpers import caller_arn, caller_context, request_parameters

PARAMETER_READS = {"GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory"}


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


def _parameters(event):
    params = request_parameters(event)
    names = params.get("names")
    if isinstance(names, Sequence) and not isinstance(names, (str, Mapping)):
        return [str(n) for n in names]
    return [params.get("name") or params.get("path") or "<unknown parameter>"]


def title(event):
    return f"[{caller_arn(event)}] decrypted many SSM SecureString parameters in a short time"


def dedup(event):
    return caller_arn(event)


def alert_context(event):
    return {
        "parameters_in_this_event": _parameters(event),
        "recursive": event.deep_get("requestParameters", "recursive"),
        **caller_context(event),
    }
