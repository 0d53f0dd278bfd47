"""PantherEvent: the read-only, case-insensitive event every rule receives (panther_core.enriched_event)."""
import re
from collections import OrderedDict

from panther_core._compat import ATOMIC_SEQUENCES, Mapping, Sequence
from panther_core.immutable import ImmutableCaseInsensitiveDict, ImmutableList, _ensure_immutable
from panther_core.immutable import json_encoder as _json_encoder


def _default_only(function_name, kwargs):
    """The keyword-only `default` argument, written for Python 2.7 too; other names raise TypeError like Python 3."""
    default = kwargs.pop("default", None)
    if kwargs:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (function_name, sorted(kwargs)[0]))
    return default


def _is_mapping(value):
    # Exact type checks first: isinstance against the Mapping ABC is slow in an interpreter without JIT.
    kind = type(value)
    return kind is PantherEvent or kind is ImmutableCaseInsensitiveDict or kind is dict or isinstance(value, Mapping)


def _deep_get(obj, keys, default):
    # The same fold as Panther's: a missing key yields `default`, and the walk continues from it.
    for key in keys:
        obj = obj.get(key, default) if _is_mapping(obj) else default
    return default if obj is None else obj


def _is_list_like(value):
    return isinstance(value, Sequence) and not isinstance(value, ATOMIC_SEQUENCES)


def _deep_walk(obj, keys, default, return_val):
    if not keys:
        return default if obj is None else obj
    if _is_mapping(obj):
        next_value = obj.get(keys[0], None)
        if next_value is None:
            return default
        return _deep_walk(next_value, keys[1:], default, return_val)
    found = OrderedDict()
    if _is_list_like(obj):
        for item in obj:
            value = _deep_walk(item, keys, default, return_val)
            if value is None:
                continue
            if _is_list_like(value):
                for sub_item in value:
                    found[sub_item] = None
            else:
                found[value] = None
    found_list = list(found.keys())
    if not found_list:
        return default
    # Panther's lookup table, including its fallback: an unknown return_val gives the string "all".
    return {
        "first": found_list[0],
        "last": found_list[-1],
        "all": found_list[0] if len(found_list) == 1 else found_list,
    }.get(return_val, "all")


_EVENT_TIME = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$")


def _parse_event_time(text):
    """(naive datetime, UTC offset in seconds or None) for Panther's p_event_time and ISO 8601 timestamps."""
    match = _EVENT_TIME.match(text)
    if match is None:
        raise ValueError("unrecognised timestamp %r" % (text,))
    import datetime
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micros = int((fraction or "0")[:6].ljust(6, "0"))
    value = datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                              int(second or 0), micros)
    if zone is None:
        return value, None
    if zone in ("Z", "z", "UTC", "GMT"):
        return value, 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return value, sign * (int(digits[:2]) * 3600 + int(digits[2:4] or 0) * 60)


class PantherEvent(ImmutableCaseInsensitiveDict):
    """The event as rules see it: an immutable Mapping with Panther's helper methods and the data model."""

    def __init__(self, event, data_model=None, lookup=None):
        super(PantherEvent, self).__init__(event)
        self.data_model = data_model
        self._lookup = lookup

    @classmethod
    def _owning(cls, event, data_model=None):
        """Tarn's runtime: the event dict was just parsed and belongs to this PantherEvent, so it is not copied."""
        view = cls._wrap(event)
        view.data_model = data_model
        view._lookup = None
        return view

    json_encoder = staticmethod(_json_encoder)

    def deep_get(self, *keys, **kwargs):
        return _deep_get(self, keys, _default_only("deep_get", kwargs) if kwargs else None)

    def deep_walk(self, *keys, **kwargs):
        return_val = kwargs.pop("return_val", "all") if kwargs else "all"
        return _deep_walk(self, keys, _default_only("deep_walk", kwargs) if kwargs else None, return_val)

    def udm(self, *keys, **kwargs):
        default = _default_only("udm", kwargs) if kwargs else None
        model = self.data_model
        if model is not None and len(keys) == 1:
            key = keys[0]
            path = model.paths.get(key)
            if path is not None:
                matches = path.find(self._container)
                if len(matches) == 1:
                    return _ensure_immutable(matches[0])
                if len(matches) > 1:
                    raise Exception("JSONPath [%s] in DataModel [%s], matched multiple fields."
                                    % (path, model.data_model_id))
                return default
            method = model.methods.get(key)
            if method is not None:
                return _ensure_immutable(method(self))
        value = _deep_get(self, ("p_udm",) + keys, None)
        if not value:
            value = _deep_get(self, keys, None)
        return value if value else default

    def udm_path(self, key):
        if self.data_model is None:
            raise Exception("a data model hasn't been specified for log type: [%s]" % (self.get("p_log_type"),))
        path = self.data_model.paths.get(key)
        return None if path is None else str(path)

    def lookup(self, lookup_table_name, lookup_key):
        if self._lookup is not None:
            return _ensure_immutable(self._lookup(lookup_table_name, lookup_key))
        return _deep_get(self, ("_mocked_lookup_data_", lookup_table_name, lookup_key), None)

    def event_time_epoch(self, force_utc=True):
        """p_event_time as whole epoch seconds; 0 when it is missing or cannot be parsed."""
        try:
            value, offset = _parse_event_time(self.get("p_event_time"))
        except (ValueError, TypeError, OverflowError):
            return 0
        import calendar
        seconds = calendar.timegm(value.timetuple())
        if offset is not None and not force_utc:
            seconds -= offset
        return int(seconds)

    def __repr__(self):
        return "PantherEvent(%r)" % (self._container,)


__all__ = ["PantherEvent", "ImmutableCaseInsensitiveDict", "ImmutableList"]
