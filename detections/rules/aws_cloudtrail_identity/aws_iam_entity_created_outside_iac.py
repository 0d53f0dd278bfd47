from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context, is_aws_service
from tarn_base_helpers import contains_any

CREATE_EVENTS = {
    "CreateUser": "userName",
    "CreateRole": "roleName",
    "CreateGroup": "groupName",
    "CreatePolicy": "policyName",
}
# User-agent fragments of deployment tools whose changes are reviewed as code.
IAC_USER_AGENTS = ("cloudformation.amazonaws.com", "Terraform/", "aws-cdk", "Pulumi")


def rule(event):
    if event.get("eventName") not in CREATE_EVENTS or event.get("eventSource") != "iam.amazonaws.com":
        return False
    if is_aws_service(event) or contains_any(event.get("userAgent"), IAC_USER_AGENTS):
        return False
    return aws_cloudtrail_success(event)


def title(event):
    kind = event.get("eventName")[len("Create"):].lower()
    name = event.deep_get("requestParameters", CREATE_EVENTS[event.get("eventName")], default="<UNKNOWN>")
    return f"IAM {kind} [{name}] created outside infrastructure as code by [{actor_name(event)}]"


def alert_context(event):
    return aws_rule_context(event)
