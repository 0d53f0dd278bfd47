# Keep in step with the HAVING clause of the query.
DISTINCT_IP_THRESHOLD = 4

# Sign-ins from this many countries in one day cannot all be the same person travelling.
COUNTRY_THRESHOLD = 3


def rule(event):
    return (event.get("distinct_ips") or 0) >= DISTINCT_IP_THRESHOLD


def title(event):
    countries = event.get("distinct_countries") or 0
    return (
        f"Okta: {event.get('actor_user', '<unknown user>')} signed in from {event.get('distinct_ips')} "
        f"IP addresses in {countries} {'country' if countries == 1 else 'countries'} within a day"
    )


def dedup(event):
    return event.get("actor_user") or "unknown-user"


def severity(event):
    if (event.get("distinct_countries") or 0) >= COUNTRY_THRESHOLD:
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "user": event.get("actor_user"),
        "distinct_ips": event.get("distinct_ips"),
        "ip_addresses": list(event.get("ip_addresses") or []),
        "countries": list(event.get("countries") or []),
        "sign_ins": event.get("sign_ins"),
        "first_seen": event.get("first_seen"),
        "last_seen": event.get("last_seen"),
    }
