from tarn_aws_helpers import caller_arn, caller_context, request_parameters

# Lambda event names carry an API-version suffix (e.g. AddPermission20150331v2), so match on the prefix.
URL_CONFIG_CALLS = ("CreateFunctionUrlConfig", "UpdateFunctionUrlConfig")
WATCHED_CALLS = ("CreateFunctionUrlConfig", "UpdateFunctionUrlConfig", "AddPermission")


def rule(event):
    if event.get("eventSource") != "lambda.amazonaws.com" or event.get("errorCode"):
        return False
    if not event.get("eventName", "").startswith(WATCHED_CALLS):
        return False
    name = str(event.get("eventName") or "")
    params = request_parameters(event)
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
    actor = caller_arn(event)
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
        **caller_context(event),
    }
