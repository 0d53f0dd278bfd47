def rule(event):
    return event.get("httpstatus") == 403


def title(event):
    return f"S3: repeated access-denied requests from {event.get('remoteip', '<unknown ip>')}"


def dedup(event):
    # By source address: a client probing for readable buckets or keys hits many buckets and keys.
    return event.get("remoteip") or event.get("requester") or "unknown-source"


def alert_context(event):
    return {
        "remote_ip": event.get("remoteip"),
        "requester": event.get("requester"),
        "bucket": event.get("bucket"),
        "operation": event.get("operation"),
        "key": event.get("key"),
        "error_code": event.get("errorcode"),
        "user_agent": event.get("useragent"),
    }
