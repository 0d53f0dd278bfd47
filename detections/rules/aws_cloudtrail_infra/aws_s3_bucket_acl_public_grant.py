from collections.abc import Mapping

from tarn_aws_helpers import caller_arn, caller_context, request_parameters
from tarn_base_helpers import listify, mappings

# Grantee group URIs that mean "everyone": AllUsers is anonymous access, AuthenticatedUsers is anyone
# signed in to any AWS account.
PUBLIC_GROUPS = {
    "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
}
PUBLIC_CANNED_ACLS = {"public-read", "public-read-write", "authenticated-read"}
GRANT_HEADERS = (
    "x-amz-grant-read",
    "x-amz-grant-write",
    "x-amz-grant-read-acp",
    "x-amz-grant-write-acp",
    "x-amz-grant-full-control",
)
WRITE_PERMISSIONS = {"WRITE", "WRITE_ACP", "FULL_CONTROL"}


def public_grants(event):
    """(group, permission) pairs opening the bucket to everyone, from the ACL body or x-amz-* headers."""
    params = request_parameters(event)
    found = []
    grants = event.deep_get("requestParameters", "AccessControlPolicy", "AccessControlList", "Grant")
    for grant in mappings(grants):
        grantee = grant.get("Grantee")
        uri = grantee.get("URI") if isinstance(grantee, Mapping) else None
        if isinstance(uri, str) and uri in PUBLIC_GROUPS:
            found.append((PUBLIC_GROUPS[uri], str(grant.get("Permission", "UNKNOWN"))))
    # The canned ACL header is logged as a list of one string by S3.
    for canned in listify(params.get("x-amz-acl")):
        if isinstance(canned, str) and canned in PUBLIC_CANNED_ACLS:
            group = "AuthenticatedUsers" if canned == "authenticated-read" else "AllUsers"
            found.append((group, "WRITE" if canned == "public-read-write" else "READ"))
    for header in GRANT_HEADERS:
        for value in listify(params.get(header)):
            for uri, group in PUBLIC_GROUPS.items():
                if uri in str(value):
                    found.append((group, header.removeprefix("x-amz-grant-").replace("-", "_").upper()))
    return found


def rule(event):
    if event.get("eventName") != "PutBucketAcl" or event.get("errorCode"):
        return False
    return bool(public_grants(event))


def title(event):
    grants = ", ".join(sorted({f"{perm} to {group}" for group, perm in public_grants(event)}))
    bucket = event.deep_get("requestParameters", "bucketName", default="<unknown bucket>")
    actor = caller_arn(event)
    return f"S3 bucket [{bucket}] ACL grants {grants}, set by [{actor}]"


def dedup(event):
    return str(event.deep_get("requestParameters", "bucketName", default="<unknown bucket>"))


def severity(event):
    if any(perm in WRITE_PERMISSIONS for _, perm in public_grants(event)):
        return "CRITICAL"
    return "DEFAULT"


def alert_context(event):
    return {
        "bucket": event.deep_get("requestParameters", "bucketName"),
        "public_grants": [f"{group}:{perm}" for group, perm in public_grants(event)],
        **caller_context(event),
    }
