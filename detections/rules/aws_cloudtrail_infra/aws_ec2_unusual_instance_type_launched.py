from collections.abc import Mapping, Sequence

# Accelerated-computing families: what cryptominers and stolen-credential GPU jobs ask for.
GPU_FAMILIES = {
    "p2", "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en",
    "g3", "g3s", "g4dn", "g4ad", "g5", "g5g", "g6", "g6e", "gr6",
    "dl1", "dl2q", "trn1", "trn1n", "trn2", "inf1", "inf2", "f1", "f2", "vt1",
}
# Sizes few workloads need and that cost the most per hour.
HUGE_SIZES = ("metal", "24xlarge", "32xlarge", "48xlarge", "56xlarge", "96xlarge", "112xlarge")


def _as_list(value):
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return []


def instance_types(event):
    found = []
    declared = event.deep_get("requestParameters", "instanceType")
    if declared:
        found.append(declared)
    for item in _as_list(event.deep_get("responseElements", "instancesSet", "items")):
        itype = item.get("instanceType") if isinstance(item, Mapping) else None
        if itype and itype not in found:
            found.append(itype)
    return found


def _unusual(itype):
    family, _, size = str(itype).partition(".")
    return family in GPU_FAMILIES or size.startswith(HUGE_SIZES)


def rule(event):
    if event.get("eventName") != "RunInstances" or event.get("errorCode"):
        return False
    return any(_unusual(t) for t in instance_types(event))


def _count(event):
    return len(_as_list(event.deep_get("responseElements", "instancesSet", "items")))


def title(event):
    actor = event.deep_get("userIdentity", "arn", default="<unknown actor>")
    unusual = ", ".join(t for t in instance_types(event) if _unusual(t))
    count = _count(event) or "new"
    region = event.get("awsRegion")
    return f"[{actor}] launched {count} EC2 instance(s) of unusual type [{unusual}] in {region}"


def dedup(event):
    return str(event.deep_get("userIdentity", "arn", default="<unknown actor>"))


def severity(event):
    # Many at once is the mining pattern; a single box may be someone trying an instance type out.
    return "HIGH" if _count(event) >= 5 else "DEFAULT"


def alert_context(event):
    return {
        "instance_types": instance_types(event),
        "instance_count": _count(event),
        "instance_ids": [
            i.get("instanceId")
            for i in _as_list(event.deep_get("responseElements", "instancesSet", "items"))
            if isinstance(i, Mapping)
        ],
        "actor": event.deep_get("userIdentity", "arn"),
        "source_ip": event.get("sourceIPAddress"),
        "account": event.get("recipientAccountId"),
        "region": event.get("awsRegion"),
    }
