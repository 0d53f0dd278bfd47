from tarn_aws_helpers import caller_arn, caller_context
from tarn_base_helpers import mappings

# Accelerated-computing families: what cryptominers and stolen-credential GPU jobs ask for.
GPU_FAMILIES = {
    "p2", "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en",
    "g3", "g3s", "g4dn", "g4ad", "g5", "g5g", "g6", "g6e", "gr6",
    "dl1", "dl2q", "trn1", "trn1n", "trn2", "inf1", "inf2", "f1", "f2", "vt1",
}
# Sizes few workloads need and that cost the most per hour.
HUGE_SIZES = ("metal", "24xlarge", "32xlarge", "48xlarge", "56xlarge", "96xlarge", "112xlarge")


def instance_types(event):
    found = []
    declared = event.deep_get("requestParameters", "instanceType")
    if declared:
        found.append(declared)
    for item in mappings(event.deep_get("responseElements", "instancesSet", "items")):
        itype = item.get("instanceType")
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
    return len(mappings(event.deep_get("responseElements", "instancesSet", "items")))


def title(event):
    actor = caller_arn(event)
    unusual = ", ".join(t for t in instance_types(event) if _unusual(t))
    count = _count(event) or "new"
    region = event.get("awsRegion")
    return f"[{actor}] launched {count} EC2 instance(s) of unusual type [{unusual}] in {region}"


def dedup(event):
    return caller_arn(event)


def severity(event):
    # Many at once is the mining pattern; a single box may be someone trying an instance type out.
    return "HIGH" if _count(event) >= 5 else "DEFAULT"


def alert_context(event):
    return {
        "instance_types": instance_types(event),
        "instance_count": _count(event),
        "instance_ids": [
            i.get("instanceId") for i in mappings(event.deep_get("responseElements", "instancesSet", "items"))
        ],
        **caller_context(event),
    }
