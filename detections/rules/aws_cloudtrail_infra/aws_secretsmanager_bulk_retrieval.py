from collections.abc import Mapping, Sequence

from tarn_aws_helpers import caller_arn, caller_context, request_parameters

RETRIEVALS = {"GetSecretValue", "BatchGetSecretValue"}


def rule(event):
    if event.get("eventName") not in RETRIEVALS or event.get("errorCode"):
        return False
    # Services fetching secrets for tasks and functions (sourceIPAddress "ecs-tasks.amazonaws.com", ...)
    # are the steady baseline; the Threshold counts what people and credentials fetch themselves.
    if event.deep_get("userIdentity", "type") == "AWSService":
        return False
    return not str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")


def _secrets(event):
    params = request_parameters(event)
    if params.get("secretId"):
        return [params.get("secretId")]
    listed = params.get("secretIdList")
    if isinstance(listed, Sequence) and not isinstance(listed, (str, Mapping)):
        return [str(s) for s in listed]
    return []


def title(event):
    return f"[{caller_arn(event)}] retrieved many Secrets Manager secret values in a short time"


def dedup(event):
    return caller_arn(event)


def alert_context(event):
    return {
        "secrets_in_this_event": _secrets(event),
        **caller_context(event),
    }
