from tarn_aws_helpers import caller_arn, caller_context, request_parameters

# Multi-AZ DB clusters take PubliclyAccessible at the cluster level, instances everywhere else.
INSTANCE_CALLS = {
    "CreateDBInstance",
    "ModifyDBInstance",
    "RestoreDBInstanceFromDBSnapshot",
    "RestoreDBInstanceToPointInTime",
    "CreateDBCluster",
    "ModifyDBCluster",
}


def rule(event):
    if event.get("eventName") not in INSTANCE_CALLS or event.get("eventSource") != "rds.amazonaws.com":
        return False
    public = str(event.deep_get("requestParameters", "publiclyAccessible")).lower() == "true"
    return public and not event.get("errorCode")


def _instance(event):
    params = request_parameters(event)
    return (
        params.get("dBInstanceIdentifier")
        or params.get("targetDBInstanceIdentifier")
        or params.get("dBClusterIdentifier")
        or "<unknown instance>"
    )


def title(event):
    actor = caller_arn(event)
    name = event.get("eventName")
    return f"RDS database [{_instance(event)}] made publicly accessible ({name}) by [{actor}]"


def dedup(event):
    return str(_instance(event))


def alert_context(event):
    return {
        "db_instance": _instance(event),
        "event_name": event.get("eventName"),
        "engine": event.deep_get("requestParameters", "engine"),
        **caller_context(event),
    }
