from tarn_aws_helpers import caller_arn, caller_context, made_by_aws_service, request_parameters

BACKUP_DELETIONS = {
    "DeleteRecoveryPoint": "recovery point deleted",
    "DeleteBackupVault": "backup vault deleted",
    "DeleteBackupPlan": "backup plan deleted",
    "DeleteBackupVaultLockConfiguration": "vault lock removed",
}


def rule(event):
    if event.get("eventName") not in BACKUP_DELETIONS or event.get("eventSource") != "backup.amazonaws.com":
        return False
    # AWS Backup's own lifecycle expiry and stack teardowns are routine; deletions by people and keys are not.
    return not event.get("errorCode") and not made_by_aws_service(event)


def _target(event):
    params = request_parameters(event)
    return (
        params.get("recoveryPointArn")
        or params.get("backupVaultName")
        or params.get("backupPlanId")
        or "<unknown backup resource>"
    )


def title(event):
    return f"AWS Backup {BACKUP_DELETIONS[event.get('eventName')]} [{_target(event)}] by [{caller_arn(event)}]"


def dedup(event):
    # Ransomware crews delete many recovery points in a row; one alert per actor.
    return caller_arn(event)


def severity(event):
    if event.get("eventName") in ("DeleteBackupVaultLockConfiguration", "DeleteBackupVault"):
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "event_name": event.get("eventName"),
        "target": _target(event),
        "vault": event.deep_get("requestParameters", "backupVaultName"),
        **caller_context(event),
    }
