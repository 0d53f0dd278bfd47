from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context

MFA_REMOVALS = {"DeactivateMFADevice", "DeleteVirtualMFADevice"}


def rule(event):
    if event.get("eventName") not in MFA_REMOVALS or event.get("eventSource") != "iam.amazonaws.com":
        return False
    return aws_cloudtrail_success(event)


def _owner(event):
    user = event.deep_get("requestParameters", "userName")
    if user:
        return user
    if _is_root_device(event):
        return "root"
    return actor_name(event)


def _is_root_device(event):
    serial = str(event.deep_get("requestParameters", "serialNumber", default=""))
    return serial.endswith(":mfa/root-account-mfa-device") or (
        event.deep_get("userIdentity", "type") == "Root" and not event.deep_get("requestParameters", "userName")
    )


def title(event):
    action = "deactivated" if event.get("eventName") == "DeactivateMFADevice" else "deleted"
    return f"MFA device of [{_owner(event)}] {action} by [{actor_name(event)}]"


def severity(event):
    return "HIGH" if _is_root_device(event) else "DEFAULT"


def alert_context(event):
    context = aws_rule_context(event)
    context["mfaOwner"] = _owner(event)
    return context
