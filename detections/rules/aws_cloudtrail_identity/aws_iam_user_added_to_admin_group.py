from tarn_aws_helpers import actor_name, aws_cloudtrail_success, aws_rule_context
from tarn_base_helpers import pattern_match_list

# Lower-case shell patterns matched against the group name.
PRIVILEGED_GROUP_PATTERNS = (
    "*admin*",
    "*poweruser*",
    "*power-user*",
    "*superuser*",
    "*root*",
    "*break-glass*",
    "*breakglass*",
    "*owners",
)


def rule(event):
    if event.get("eventName") != "AddUserToGroup":
        return False
    group = str(event.deep_get("requestParameters", "groupName", default="")).lower()
    return pattern_match_list(group, PRIVILEGED_GROUP_PATTERNS) and aws_cloudtrail_success(event)


def title(event):
    return (
        f"[{actor_name(event)}] added IAM user [{event.deep_get('requestParameters', 'userName')}] "
        f"to privileged group [{event.deep_get('requestParameters', 'groupName')}]"
    )


def alert_context(event):
    return aws_rule_context(event)
