"""Log-type-neutral helpers shared by Tarn's built-in detections.

Events reach rules as PantherEvent objects whose nested values are read-only Mappings and Sequences (not dict
and list), and tests sometimes pass plain dicts, so every helper here checks for the abstract types.
"""

import fnmatch
import ipaddress
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from urllib.parse import unquote

EMAIL_REGEX = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")

# Glue layout used for every lake timestamp: "YYYY-MM-DD HH:MM:SS.fffffffff" (UTC, nanoseconds).
_GLUE_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$")


def _is_sequence(value):
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def deep_get(obj, *keys, default=None):
    """Follow keys through nested Mappings and return the value found, or default.

    A missing key, a non-Mapping on the way, or a final None all yield default, as PantherEvent.deep_get does.
    Works on plain dicts (exact keys) and on PantherEvent values (case-insensitive keys).
    """
    value = obj
    for key in keys:
        if not isinstance(value, Mapping):
            return default
        value = value.get(key)
        if value is None:
            return default
    return value


def deep_walk(obj, *keys, default=None, return_val="all"):
    """Like deep_get, but fan out over every list met on the way.

    Matches are de-duplicated keeping their order. return_val "all" gives the single match or a list of them,
    "first" and "last" pick one; default is returned when nothing matches.
    """
    found = []

    def walk(value, depth):
        if _is_sequence(value):
            for item in value:
                walk(item, depth)
            return
        if depth == len(keys):
            if value is not None and value not in found:
                found.append(value)
            return
        if isinstance(value, Mapping):
            walk(value.get(keys[depth]), depth + 1)

    walk(obj, 0)
    if not found:
        return default
    if return_val == "first":
        return found[0]
    if return_val == "last":
        return found[-1]
    return found[0] if len(found) == 1 else found


def listify(value):
    """Return value as a list: None becomes [], a scalar or Mapping becomes [value], a sequence is copied."""
    if value is None:
        return []
    if _is_sequence(value):
        return list(value)
    return [value]


def mappings(value):
    """The Mappings in a value logged either as one object or as a list of objects; anything else is dropped.

    CloudTrail (from XML request bodies in particular) writes a single element as an object and several as a list.
    """
    return [item for item in listify(value) if isinstance(item, Mapping)]


def get_val_from_list(items, return_field, match_field, match_value):
    """Return the set of item[return_field] over the Mappings in items whose item[match_field] == match_value."""
    values = set()
    for item in listify(items):
        if isinstance(item, Mapping) and item.get(match_field) == match_value:
            values.add(item.get(return_field))
    return values


def key_value_list_to_dict(items, key_field, value_field):
    """Turn [{"key": k, "value": v}, ...] into {k: v}, as many audit logs encode their parameters."""
    return {
        item.get(key_field): item.get(value_field)
        for item in listify(items)
        if isinstance(item, Mapping) and key_field in item
    }


def pattern_match(value, pattern):
    """True when value matches the shell-style pattern (fnmatch: *, ?, [seq]); case-sensitive."""
    if value is None:
        return False
    return fnmatch.fnmatchcase(str(value), pattern)


def pattern_match_list(value, patterns):
    """True when value matches any of the shell-style patterns."""
    return any(pattern_match(value, pattern) for pattern in patterns)


def contains_any(value, needles, ignore_case=True):
    """True when the string value contains any of the substrings in needles."""
    if not value:
        return False
    text = str(value).lower() if ignore_case else str(value)
    return any((needle.lower() if ignore_case else needle) in text for needle in needles)


def is_ip_address(value):
    """True when value is a literal IPv4 or IPv6 address (CloudTrail also puts hostnames in sourceIPAddress)."""
    try:
        ipaddress.ip_address(str(value))
        return True
    except ValueError:
        return False


def is_ip_in_network(ip, networks):
    """True when ip lies in any of the CIDR networks (strings like "10.0.0.0/8"); False for a non-IP value."""
    try:
        address = ipaddress.ip_address(str(ip))
    except ValueError:
        return False
    for network in networks:
        try:
            if address in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            continue
    return False


# Internal ranges: RFC 1918, carrier-grade NAT, loopback and link-local (IPv4 and IPv6). Spelled out rather than
# ipaddress's is_private, which also counts the documentation ranges and would hide external-looking test addresses.
INTERNAL_NETWORKS = tuple(
    ipaddress.ip_network(cidr)
    for cidr in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "fc00::/7",
        "fe80::/10",
        "::1/128",
    )
)


def is_internal_ip(address):
    """True when address is an IP inside INTERNAL_NETWORKS; False for other addresses and for non-IP values."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in INTERNAL_NETWORKS if network.version == ip.version)


def is_public_ip(ip):
    """True for a globally routable address; False for private, loopback, link-local, reserved or non-IP values.

    Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are not global, so they count as
    not public: callers that want "outside the company" should compare with known networks instead.
    """
    try:
        return ipaddress.ip_address(str(ip)).is_global
    except ValueError:
        return False


def udm_actor_context(event):
    """Who acted and from where, as the event's data model maps them (event.udm), under snake_case keys.

    For alert contexts of any log type with a data model: {"repo": ..., **udm_actor_context(event)}.
    """
    return {
        "actor": event.udm("actor_user"),
        "source_ip": event.udm("source_ip"),
        "country": event.udm("country"),
    }


def parse_timestamp(value):
    """Parse a lake timestamp into an aware UTC datetime, or return None.

    Accepts the Glue layout the lake stores ("2024-05-01 12:00:00.123456789"), RFC 3339 ("2024-05-01T12:00:00Z",
    with or without an offset) and epoch seconds or milliseconds. Nanoseconds are cut to microseconds.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    match = _GLUE_TIMESTAMP.match(str(value).strip())
    if not match:
        return None
    day, clock, fraction, offset = match.groups()
    text = f"{day}T{clock}.{(fraction or '0')[:6].ljust(6, '0')}"
    if offset and offset != "Z":
        text += offset if ":" in offset else offset[:3] + ":" + offset[3:]
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def load_json(value, default=None):
    """Decode a JSON document that may arrive as a Mapping/Sequence, a JSON string or a URL-encoded JSON string.

    IAM policy documents in CloudTrail are JSON text, sometimes URL-encoded. Returns default when it is not JSON.
    """
    if isinstance(value, Mapping) or _is_sequence(value):
        return value
    if not isinstance(value, str) or not value.strip():
        return default
    for text in (value, unquote(value)):
        try:
            return json.loads(text)
        except ValueError:
            continue
    return default


def is_base64(value):
    """True when value is a non-empty string made only of base64 characters with correct padding."""
    if not isinstance(value, str) or not value or len(value) % 4:
        return False
    return re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", value) is not None


def first_present(*values):
    """Return the first value that is neither None nor empty, or None."""
    for value in values:
        if value not in (None, "", [], {}):
            return value
    return None


def as_list_of_str(values: Iterable) -> list:
    """Turn a value that is a string or a sequence of strings into a list of strings (IAM Action/Resource)."""
    return [str(item) for item in listify(values) if item is not None]
