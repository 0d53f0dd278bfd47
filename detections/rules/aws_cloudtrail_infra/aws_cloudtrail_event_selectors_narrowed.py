from collections.abc import Mapping, Sequence


def _params(event):
    # requestParameters is an object for these calls; anything else is treated as empty rather than raising.
    params = event.get("requestParameters")
    return params if isinstance(params, Mapping) else {}


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


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
    for field_selector in _as_list(selector.get("fieldSelectors")):
        if isinstance(field_selector, Mapping) and field_selector.get("field") == field:
            return [str(v) for v in _as_list(field_selector.get("equals"))]
    return None


def _advanced_gaps(selectors):
    management = [s for s in selectors if "Management" in (_field_values(s, "eventCategory") or [])]
    if not management:
        return ["no advanced selector logs management events"]
    if all(_field_values(s, "readOnly") == ["true"] for s in management):
        return ["management write events excluded (readOnly = true)"]
    return []


def gaps(event):
    params = _params(event)
    advanced = params.get("advancedEventSelectors")
    if advanced is not None:
        return _advanced_gaps([s for s in _as_list(advanced) if isinstance(s, Mapping)])
    return _basic_gaps([s for s in _as_list(params.get("eventSelectors")) if isinstance(s, Mapping)])


def rule(event):
    if event.get("eventName") != "PutEventSelectors" or event.get("errorCode"):
        return False
    return bool(gaps(event))


def _trail(event):
    # Callers may name the trail or pass its ARN; dedup on the name either way.
    trail = str(event.deep_get("requestParameters", "trailName", default="<unknown trail>"))
    return trail.rsplit(":trail/", 1)[-1]


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    found = "; ".join(sorted(set(gaps(event))))
    return f"CloudTrail trail [{_trail(event)}] event selectors narrowed by [{actor}]: {found}"


def dedup(event):
    return str(_trail(event))


def alert_context(event):
    return {
        "trail": _trail(event),
        "gaps": sorted(set(gaps(event))),
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
    }
