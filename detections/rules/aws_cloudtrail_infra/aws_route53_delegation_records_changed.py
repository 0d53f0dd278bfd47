from collections.abc import Mapping

from tarn_aws_helpers import caller_arn, caller_context
from tarn_base_helpers import mappings

# NS records delegate a (sub)domain to other name servers: whoever controls those answers for the name.
DELEGATION_TYPE = "NS"


def delegation_changes(event):
    changes = event.deep_get("requestParameters", "changeBatch", "changes")
    found = []
    for change in mappings(changes):
        record = change.get("resourceRecordSet")
        if isinstance(record, Mapping) and record.get("type") == DELEGATION_TYPE:
            found.append(f"{change.get('action')} {record.get('type')} {record.get('name')}")
    return found


def rule(event):
    if event.get("eventName") != "ChangeResourceRecordSets" or event.get("errorCode"):
        return False
    return bool(delegation_changes(event))


def _zone(event):
    return event.deep_get("requestParameters", "hostedZoneId", default="<unknown zone>")


def title(event):
    actor = caller_arn(event)
    changes = "; ".join(delegation_changes(event))
    return f"Route 53 delegation changed in zone [{_zone(event)}] by [{actor}]: {changes}"


def dedup(event):
    return str(_zone(event))


def alert_context(event):
    return {
        "hosted_zone": _zone(event),
        "changes": delegation_changes(event),
        "comment": event.deep_get("requestParameters", "changeBatch", "comment"),
        **caller_context(event),
    }
