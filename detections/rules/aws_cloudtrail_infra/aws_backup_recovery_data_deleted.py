from collections.abc import Mapping

BACKUP_DELETIONS = {
    "DeleteRecoveryPoint": "recovery point deleted",
    "DeleteBackupVault": "backup vault deleted",
    "DeleteBackupPlan": "backup plan deleted",
    "DeleteBackupVaultLockConfiguration": "vault lock removed",
}


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def _made_by_aws_service(event):
    # Services acting on their own (type AWSService) or on a caller's behalf: CloudFormation stack
    # operations carry invokedBy and a service sourceIPAddress.
    return (
        event.deep_get("userIdentity", "type") == "AWSService"
        or bool(event.deep_get("userIdentity", "invokedBy"))
        or str(event.get("sourceIPAddress", "")).endswith(".amazonaws.com")
    )


def rule(event):
    if event.get("eventName") not in BACKUP_DELETIONS or event.get("eventSource") != "backup.amazonaws.com":
        return False
    # AWS Backup's own lifecycle expiry and stack teardowns are routine; deletions by people and keys are not.
    return not event.get("errorCode") and not _made_by_aws_service(event)


def _target(event):
    params = _params(event)
    return (
        params.get("recoveryPointArn")
        or params.get("backupVaultName")
        or params.get("backupPlanId")
        or "<unknown backup resource>"
    )


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    return f"AWS Backup {BACKUP_DELETIONS[event.get('eventName')]} [{_target(event)}] by [{actor}]"


def dedup(event):
    # Ransomware crews delete many recovery points in a row; one alert per actor.
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def severity(event):
    if event.get("eventName") in ("DeleteBackupVaultLockConfiguration", "DeleteBackupVault"):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "event_name": event.get("eventName"),
        "target": _target(event),
        "vault": event.deep_get("requestParameters", "backupVaultName"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
