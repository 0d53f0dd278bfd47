"""Panther's panther_detection_helpers.caching API over Tarn's key-value store.

Same function names, arguments and results as Panther's module. Expiry follows Panther: epoch_seconds below 1e9
is relative (seconds from now), None means 90 days. Tarn's store never returns an expired item, so
force_ttl_check is accepted and always holds.

Inside Tarn the store is the Java KvStore of the detection runtime (installed with use_store). Run by a plain
Python interpreter, the module keeps its items in memory, with the same expiry rules.
"""
import json
import time

from panther_core._compat import Mapping, string_types

_DEFAULT_TTL_SECONDS = 90 * 24 * 3600
_RELATIVE_BELOW = 1000000000


def _expiry(epoch_seconds, now):
    if epoch_seconds is None:
        return now + _DEFAULT_TTL_SECONDS
    epoch_seconds = float(epoch_seconds)
    return now + epoch_seconds if epoch_seconds < _RELATIVE_BELOW else epoch_seconds


def _strings(item):
    """The string set of a memory-store item; empty when there is no item or it holds another kind of value."""
    return item[0] if item is not None and isinstance(item[0], frozenset) else frozenset()


class _MemoryStore(object):
    """The store used when no Tarn runtime installed one (plain CPython, benchmarks, unit tests)."""

    def __init__(self, clock=time.time):
        self._items = {}
        self._clock = clock

    def _live(self, key):
        item = self._items.get(key)
        if item is not None and item[1] <= self._clock():
            del self._items[key]
            return None
        return item

    def _expires(self, item):
        # A change to a live item keeps its expiry; a new item gets Panther's default.
        return item[1] if item is not None else _expiry(None, self._clock())

    def get_string_set(self, key):
        return set(_strings(self._live(key)))

    def put_string_set(self, key, values, epoch_seconds):
        self._items[key] = (frozenset(values), _expiry(epoch_seconds, self._clock()))

    def add_to_string_set(self, key, values):
        item = self._live(key)
        self._items[key] = (_strings(item) | frozenset(values), self._expires(item))

    def remove_from_string_set(self, key, values):
        item = self._live(key)
        if item is not None and isinstance(item[0], frozenset):
            self._items[key] = (item[0] - frozenset(values), item[1])

    def get_dictionary(self, key):
        item = self._live(key)
        return json.loads(item[0]) if item is not None and isinstance(item[0], string_types) else {}

    def put_dictionary(self, key, value, epoch_seconds):
        self._items[key] = (json.dumps(value), _expiry(epoch_seconds, self._clock()))

    def get_counter(self, key):
        item = self._live(key)
        return item[0] if item is not None and isinstance(item[0], int) and not isinstance(item[0], bool) else 0

    def increment_counter(self, key, by):
        item = self._live(key)
        count = self.get_counter(key) + by
        self._items[key] = (count, self._expires(item))
        return count

    def set_expiration(self, key, epoch_seconds):
        item = self._live(key)
        if item is not None:
            self._items[key] = (item[0], _expiry(epoch_seconds, self._clock()))

    def delete(self, key):
        self._items.pop(key, None)


class _BridgeStore(object):
    """Adapts the Java bridge (dev.tarn.detect.python.KvBridge): values cross as JSON text."""

    def __init__(self, bridge):
        self._bridge = bridge

    def get_string_set(self, key):
        return set(json.loads(self._bridge.getStringSet(key)))

    def put_string_set(self, key, values, epoch_seconds):
        self._bridge.putStringSet(key, json.dumps(sorted(values)), _epoch_arg(epoch_seconds))

    def add_to_string_set(self, key, values):
        self._bridge.addToStringSet(key, json.dumps(sorted(values)))

    def remove_from_string_set(self, key, values):
        self._bridge.removeFromStringSet(key, json.dumps(sorted(values)))

    def get_dictionary(self, key):
        return json.loads(self._bridge.getDictionary(key))

    def put_dictionary(self, key, value, epoch_seconds):
        self._bridge.putDictionary(key, json.dumps(value), _epoch_arg(epoch_seconds))

    def get_counter(self, key):
        return int(self._bridge.getCounter(key))

    def increment_counter(self, key, by):
        return int(self._bridge.incrementCounter(key, by))

    def set_expiration(self, key, epoch_seconds):
        self._bridge.setExpiration(key, int(epoch_seconds))

    def delete(self, key):
        self._bridge.delete(key)


def _epoch_arg(epoch_seconds):
    # The bridge takes whole seconds, or -1 for "not given" (Panther's 90-day default).
    return -1 if epoch_seconds is None else int(epoch_seconds)


_store = _MemoryStore()


def use_store(bridge):
    """Called by Tarn's runtime: route every function below to the Java KvStore behind bridge."""
    global _store
    _store = _BridgeStore(bridge) if bridge is not None else _MemoryStore()


def _check_key(key):
    if not isinstance(key, string_types):
        raise TypeError("caching: key must be a string, got %s" % type(key).__name__)


def _string_values(function_name, val, wrap_single=True):
    if wrap_single and isinstance(val, string_types):
        return [val]
    values = list(val)
    for value in values:
        if not isinstance(value, string_types):
            raise TypeError("caching.%s: values must be strings, got %s" % (function_name, type(value).__name__))
    return values


def kv_table():
    """Panther returns the DynamoDB table behind the cache; Tarn's store is not DynamoDB."""
    raise NotImplementedError(
        "kv_table() gives Panther's DynamoDB table, which Tarn does not have: use the caching functions "
        "(get_string_set, put_dictionary, increment_counter, ...) instead")


def ttl_expired(response):
    """True when a Panther KV item (a DynamoDB get_item response) is past its expiresAt time."""
    expiration = response.get("Item", {}).get("expiresAt", 0)
    return bool(expiration) and float(expiration) <= time.time()


def get_counter(key, force_ttl_check=False):
    _check_key(key)
    return _store.get_counter(key)


def increment_counter(key, val=1):
    _check_key(key)
    return _store.increment_counter(key, int(val))


def reset_counter(key):
    _check_key(key)
    _store.delete(key)


def set_key_expiration(key, epoch_seconds):
    _check_key(key)
    _store.set_expiration(key, epoch_seconds)


def put_dictionary(key, val, epoch_seconds=None):
    _check_key(key)
    if not isinstance(val, (dict, Mapping)):
        raise TypeError("panther_detection_helpers.caching.put_dictionary: argument 'val' must be of type dict")
    try:
        json.dumps(val)
    except TypeError as err:
        raise ValueError("panther_detection_helpers.caching.put_dictionary: "
                         "argument 'val' is not JSON serializable: %s" % err)
    _store.put_dictionary(key, dict(val), epoch_seconds)


def get_dictionary(key, force_ttl_check=False):
    _check_key(key)
    return _store.get_dictionary(key)


def get_string_set(key, force_ttl_check=False):
    _check_key(key)
    return _store.get_string_set(key)


def put_string_set(key, val, epoch_seconds=None):
    _check_key(key)
    # Like Panther's set(val): a single string becomes the set of its characters.
    values = _string_values("put_string_set", val, wrap_single=False)
    if not values:
        # An empty set cannot be stored (DynamoDB string sets are never empty): Panther deletes the item.
        _store.delete(key)
        return
    _store.put_string_set(key, values, epoch_seconds)


def add_to_string_set(key, val):
    return _change_string_set("add_to_string_set", key, val)


def remove_from_string_set(key, val):
    return _change_string_set("remove_from_string_set", key, val)


def _change_string_set(function, key, val):
    """Applies the store's method of the same name (when there are values to change); returns the set after it."""
    _check_key(key)
    values = _string_values(function, val)
    if values:
        getattr(_store, function)(key, values)
    return _store.get_string_set(key)


def reset_string_set(key):
    _check_key(key)
    _store.delete(key)


def evaluate_threshold(key, threshold=10, expiry_seconds=3600):
    """Counts calls under key; True (and the counter reset) once it reaches threshold within expiry_seconds."""
    count = increment_counter(key)
    if count == 1:
        set_key_expiration(key, int(time.time()) + expiry_seconds)
    elif count >= threshold:
        reset_counter(key)
        return True
    return False


def check_account_age(key):
    """True when something stored a non-empty string set under key (the new-account indicator rules do)."""
    if isinstance(key, string_types) and key != "":
        return bool(get_string_set(key))
    return False
