from collections.abc import Mapping, Sequence


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


def rule(event):
    if event.get("eventSource") != "guardduty.amazonaws.com" or event.get("errorCode"):
        return False
    name = event.get("eventName")
    if name == "ArchiveFindings":
        return True
    # A filter with action ARCHIVE is a suppression rule: every future matching finding is archived on
    # arrival.
    return (
        name in ("CreateFilter", "UpdateFilter")
        and event.deep_get("requestParameters", "action") == "ARCHIVE"
    )


def _findings(event):
    return [str(f) for f in _as_list(event.deep_get("requestParameters", "findingIds"))]


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    region = event.get("awsRegion")
    if event.get("eventName") == "ArchiveFindings":
        return f"[{actor}] archived {len(_findings(event))} GuardDuty finding(s) in [{region}]"
    name = event.deep_get("requestParameters", "name", default="<unnamed filter>")
    return f"[{actor}] set GuardDuty suppression rule [{name}] to archive findings in [{region}]"


def dedup(event):
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def severity(event):
    # A suppression rule hides findings that have not happened yet; archiving hides ones already seen.
    return "HIGH" if event.get("eventName") != "ArchiveFindings" else "DEFAULT"


def alert_context(event):
    return {
        "event_name": event.get("eventName"),
        "detector": event.deep_get("requestParameters", "detectorId"),
        "finding_ids": _findings(event),
        "filter_name": event.deep_get("requestParameters", "name"),
        "filter_criteria": event.deep_get("requestParameters", "findingCriteria"),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
