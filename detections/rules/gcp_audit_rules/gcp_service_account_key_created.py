def rule(event):
    if event.deep_get("protoPayload", "methodName") != "google.iam.admin.v1.CreateServiceAccountKey":
        return False
    return event.deep_get("protoPayload", "status", "code", default=0) == 0


def service_account(event):
    # The request names the account by email; resourceName often carries only its numeric id.
    return event.deep_get("protoPayload", "request", "name") or event.deep_get(
        "protoPayload", "resourceName", default="<unknown service account>"
    )


def actor(event):
    return event.deep_get("protoPayload", "authenticationInfo", "principalEmail", default="<unknown>")


def title(event):
    account = service_account(event).rpartition("/")[2]
    return f"GCP: user-managed key created for service account {account} by {actor(event)}"


def severity(event):
    # Keys made by a person (rather than by automation running as a service account) usually end up on a laptop.
    if not actor(event).endswith("gserviceaccount.com"):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "actor": actor(event),
        "service_account": service_account(event),
        "caller_ip": event.deep_get("protoPayload", "requestMetadata", "callerIP"),
        "user_agent": event.deep_get("protoPayload", "requestMetadata", "callerSuppliedUserAgent"),
        "project": event.deep_get("resource", "labels", "project_id"),
    }
