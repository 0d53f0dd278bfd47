from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

SAML_EVENTS = {"CreateSAMLProvider", "UpdateSAMLProvider"}
OIDC_EVENTS = {
    "CreateOpenIDConnectProvider",
    "UpdateOpenIDConnectProviderThumbprint",
    "AddClientIDToOpenIDConnectProvider",
}
# IAM Identity Center maintains its own SAML providers through this service-linked role.
IDENTITY_CENTER_ROLE = "AWSServiceRoleForSSO"


def rule(event):
    name = event.get("eventName")
    if name not in SAML_EVENTS and name not in OIDC_EVENTS:
        return False
    if event.deep_get("userIdentity", "sessionContext", "sessionIssuer", "userName") == IDENTITY_CENTER_ROLE:
        return False
    return aws_cloudtrail_success(event)


def _provider(event):
    parameters = event.get("requestParameters") or {}
    return (
        parameters.get("name")
        or parameters.get("sAMLProviderArn")
        or parameters.get("url")
        or parameters.get("openIDConnectProviderArn")
        or "<UNKNOWN_PROVIDER>"
    )


def title(event):
    return f"[{actor_name(event)}] called [{event.get('eventName')}] for identity provider [{_provider(event)}]"


def severity(event):
    return "MEDIUM" if event.get("eventName") in OIDC_EVENTS else "DEFAULT"


def alert_context(event):
    return aws_rule_context(event)
