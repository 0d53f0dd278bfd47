# Buckets that are meant to serve objects to anyone (static websites, public downloads). Add yours here.
INTENTIONALLY_PUBLIC_BUCKETS = set()

READS = {"REST.GET.OBJECT", "REST.HEAD.OBJECT", "REST.COPY.OBJECT_GET"}


def rule(event):
    if event.get("operation") not in READS:
        return False
    if event.get("bucket") in INTENTIONALLY_PUBLIC_BUCKETS:
        return False
    # S3 writes "-" as the requester of unsigned requests; the log parser leaves the field out.
    if event.get("requester"):
        return False
    return event.get("httpstatus") in (200, 206, 304)


def title(event):
    return f"S3: objects in {event.get('bucket', '<unknown bucket>')} read without credentials"


def dedup(event):
    return event.get("bucket") or "unknown-bucket"


def alert_context(event):
    return {
        "bucket": event.get("bucket"),
        "key": event.get("key"),
        "operation": event.get("operation"),
        "remote_ip": event.get("remoteip"),
        "user_agent": event.get("useragent"),
        "bytes_sent": event.get("bytessent"),
        "http_status": event.get("httpstatus"),
    }
