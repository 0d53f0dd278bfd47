from collections.abc import Mapping

# Lambda event names carry an API-version suffix (e.g. AddPermission20150331v2), so match on the prefix.
URL_CONFIG_CALLS = ("CreateFunctionUrlConfig", "UpdateFunctionUrlConfig")


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventSource") != "lambda.amazonaws.com" or event.get("errorCode"):
        return False
    name = str(event.get("eventName") or "")
    params = _params(event)
    if name.startswith(URL_CONFIG_CALLS):
        return params.get("authType") == "NONE"
    # The resource-based policy statement that lets anyone invoke an auth-less function URL.
    return (
        name.startswith("AddPermission")
        and params.get("functionUrlAuthType") == "NONE"
        and params.get("principal") == "*"
    )


def _function(event):
    return event.deep_get("requestParameters", "functionName", default="<unknown function>")


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return (
        f"Lambda function [{_function(event)}] exposed through a function URL "
        f"with no authentication by [{actor}]"
    )


def dedup(event):
    return str(_function(event))


def alert_context(event):
    return {
        "function": _function(event),
        "event_name": event.get("eventName"),
        "function_url": event.deep_get("responseElements", "functionUrl"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
