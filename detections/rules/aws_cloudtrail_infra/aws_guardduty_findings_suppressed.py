from tarn_aws_helpers import caller_arn, caller_context
from tarn_base_helpers import listify


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
    return [str(f) for f in listify(event.deep_get("requestParameters", "findingIds"))]


def title(event):
    actor = caller_arn(event)
    region = event.get("awsRegion")
    if event.get("eventName") == "ArchiveFindings":
        return f"[{actor}] archived {len(_findings(event))} GuardDuty finding(s) in [{region}]"
    name = event.deep_get("requestParameters", "name", default="<unnamed filter>")
    return f"[{actor}] set GuardDuty suppression rule [{name}] to archive findings in [{region}]"


def dedup(event):
    return caller_arn(event)


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
        **caller_context(event),
    }
