from tarn_aws_helpers import caller_arn, caller_context, request_parameters, trail_name
from tarn_base_helpers import listify, mappings


def _basic_gaps(selectors):
    gaps = []
    if not selectors:
        gaps.append("all event selectors removed")
    for selector in selectors:
        if str(selector.get("includeManagementEvents")).lower() == "false":
            gaps.append("management events excluded")
        # WriteOnly is a common cost saving; ReadOnly drops every change an attacker makes.
        if selector.get("readWriteType") == "ReadOnly":
            gaps.append("write events excluded (readWriteType ReadOnly)")
    return gaps


def _field_values(selector, field):
    for field_selector in mappings(selector.get("fieldSelectors")):
        if field_selector.get("field") == field:
            equals = field_selector.get("equals")
            # CloudTrail logs equals as a list; a lone string is malformed and counts as no values.
            return [] if isinstance(equals, str) else [str(v) for v in listify(equals)]
    return None


def _advanced_gaps(selectors):
    management = [s for s in selectors if "Management" in (_field_values(s, "eventCategory") or [])]
    if not management:
        return ["no advanced selector logs management events"]
    if all(_field_values(s, "readOnly") == ["true"] for s in management):
        return ["management write events excluded (readOnly = true)"]
    return []


def gaps(event):
    params = request_parameters(event)
    advanced = params.get("advancedEventSelectors")
    if advanced is not None:
        return _advanced_gaps(mappings(advanced))
    return _basic_gaps(mappings(params.get("eventSelectors")))


def rule(event):
    if event.get("eventName") != "PutEventSelectors" or event.get("errorCode"):
        return False
    return bool(gaps(event))


def title(event):
    actor = caller_arn(event)
    found = "; ".join(sorted(set(gaps(event))))
    trail = trail_name(event, "trailName")
    return f"CloudTrail trail [{trail}] event selectors narrowed by [{actor}]: {found}"


def dedup(event):
    return trail_name(event, "trailName")


def alert_context(event):
    return {
        "trail": trail_name(event, "trailName"),
        "gaps": sorted(set(gaps(event))),
        **caller_context(event),
    }
