# Domains that belong to your organization. Left empty, the domain of the person changing the policy counts
# as internal, which is right for single-domain organizations.
ORG_DOMAINS = set()

# Personal Google accounts: always outside the organization, even when ORG_DOMAINS is empty and the change was
# made by a service account.
CONSUMER_DOMAINS = {"gmail.com", "googlemail.com"}

PRIVILEGED_ROLES = {
    "roles/owner": "CRITICAL",
    "roles/editor": "HIGH",
    "roles/resourcemanager.organizationAdmin": "CRITICAL",
    "roles/resourcemanager.folderAdmin": "HIGH",
    "roles/resourcemanager.projectIamAdmin": "HIGH",
    "roles/iam.securityAdmin": "HIGH",
    "roles/iam.serviceAccountAdmin": "HIGH",
    "roles/iam.serviceAccountKeyAdmin": "HIGH",
    "roles/iam.serviceAccountTokenCreator": "HIGH",
}


def call_succeeded(event):
    return event.deep_get("protoPayload", "status", "code", default=0) == 0


def internal_domains(event):
    if ORG_DOMAINS:
        return {d.lower() for d in ORG_DOMAINS}
    actor = event.deep_get("protoPayload", "authenticationInfo", "principalEmail", default="")
    domain = actor.rpartition("@")[2].lower()
    if not domain or domain.endswith("gserviceaccount.com"):
        return set()
    return {domain}


def is_external(member, internal):
    kind, _, identity = member.partition(":")
    if kind not in ("user", "group") or "@" not in identity:
        return False
    domain = identity.rpartition("@")[2].lower()
    if domain in CONSUMER_DOMAINS:
        return True
    if not internal:
        return False
    return domain not in internal and not any(domain.endswith("." + d) for d in internal)


def external_grants(event):
    internal = internal_domains(event)
    grants = []
    deltas = event.deep_get("protoPayload", "serviceData", "policyDelta", "bindingDeltas", default=[])
    for delta in deltas:
        if delta.get("action") != "ADD" or delta.get("role") not in PRIVILEGED_ROLES:
            continue
        if is_external(delta.get("member", ""), internal):
            grants.append({"role": delta.get("role"), "member": delta.get("member")})
    return grants


def rule(event):
    if not event.deep_get("protoPayload", "methodName", default="").endswith("SetIamPolicy"):
        return False
    return call_succeeded(event) and bool(external_grants(event))


def title(event):
    grant = external_grants(event)[0]
    actor = event.deep_get("protoPayload", "authenticationInfo", "principalEmail", default="<unknown>")
    resource = event.deep_get("protoPayload", "resourceName", default="<unknown resource>")
    return f"GCP: {grant['role']} on {resource} granted to external {grant['member']} by {actor}"


def severity(event):
    levels = [PRIVILEGED_ROLES[g["role"]] for g in external_grants(event)]
    return "CRITICAL" if "CRITICAL" in levels else "HIGH"


def dedup(event):
    return event.deep_get("protoPayload", "resourceName", default="unknown-resource")


def alert_context(event):
    return {
        "actor": event.deep_get("protoPayload", "authenticationInfo", "principalEmail"),
        "resource": event.deep_get("protoPayload", "resourceName"),
        "external_grants": external_grants(event),
        "caller_ip": event.deep_get("protoPayload", "requestMetadata", "callerIP"),
        "user_agent": event.deep_get("protoPayload", "requestMetadata", "callerSuppliedUserAgent"),
        "project": event.deep_get("resource", "labels", "project_id"),
    }
