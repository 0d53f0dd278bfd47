from collections.abc import Mapping

# Multi-AZ DB clusters take PubliclyAccessible at the cluster level, instances everywhere else.
INSTANCE_CALLS = {
    "CreateDBInstance",
    "ModifyDBInstance",
    "RestoreDBInstanceFromDBSnapshot",
    "RestoreDBInstanceToPointInTime",
    "CreateDBCluster",
    "ModifyDBCluster",
}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def rule(event):
    if event.get("eventName") not in INSTANCE_CALLS or event.get("eventSource") != "rds.amazonaws.com":
        return False
    public = str(event.deep_get("requestParameters", "publiclyAccessible")).lower() == "true"
    return public and not event.get("errorCode")


def _instance(event):
    params = _params(event)
    return (
        params.get("dBInstanceIdentifier")
        or params.get("targetDBInstanceIdentifier")
        or params.get("dBClusterIdentifier")
        or "<unknown instance>"
    )


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    name = event.get("eventName")
    return f"RDS database [{_instance(event)}] made publicly accessible ({name}) by [{actor}]"


def dedup(event):
    return str(_instance(event))


def alert_context(event):
    return {
        "db_instance": _instance(event),
        "event_name": event.get("eventName"),
        "engine": event.deep_get("requestParameters", "engine"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
