"""Read-only views of an event's nested values (panther_core.immutable).

Rules receive nested dicts and lists wrapped: ImmutableCaseInsensitiveDict is a Mapping and ImmutableList a
Sequence, neither is a dict or list, so rules cannot change the event that other rules see. Values are wrapped
lazily, when read; copy(), to_dict() and as_list() give deep mutable copies.
"""
import copy as _copy

from panther_core._compat import ATOMIC_SEQUENCES, Mapping, Sequence, integer_types, string_types

_MISSING = object()
_SCALARS = string_types + integer_types + (float, bool)
# Exact types that are returned as they are: the common case of reading an event field, decided by one set lookup.
_SCALAR_TYPES = frozenset(_SCALARS + (type(None),))


def _ensure_immutable(value):
    # Scalars (str, numbers, bool, None) come back as they are; only containers are wrapped.
    kind = type(value)
    if kind in _SCALAR_TYPES:
        return value
    if kind is dict:
        return ImmutableCaseInsensitiveDict._wrap(value)
    if kind is list or kind is tuple:
        return ImmutableList._wrap(value)
    if isinstance(value, (ImmutableCaseInsensitiveDict, ImmutableList)):
        return value
    if isinstance(value, Mapping):
        return ImmutableCaseInsensitiveDict(value)
    if isinstance(value, Sequence) and not isinstance(value, ATOMIC_SEQUENCES):
        return ImmutableList(value)
    return value


def _mutable_copy(value):
    """A deep copy with every container turned back into a plain dict or list."""
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, ImmutableCaseInsensitiveDict):
        value = value._container
    elif isinstance(value, ImmutableList):
        value = value._container
    if isinstance(value, Mapping):
        return dict((k, _mutable_copy(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)) or (isinstance(value, Sequence)
                                            and not isinstance(value, ATOMIC_SEQUENCES)):
        return [_mutable_copy(v) for v in value]
    return _copy.deepcopy(value)


class _ReadOnlyView(object):
    """What both views share: their size, != for Python 2, and copies (a shallow copy is the view itself)."""

    __slots__ = ()

    def __len__(self):
        return len(self._container)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def copy(self):
        return _mutable_copy(self._container)

    def __copy__(self):
        return self


class ImmutableCaseInsensitiveDict(_ReadOnlyView, Mapping):
    """A read-only Mapping over a shallow copy of a dict; keys match exactly first, then case-insensitively."""

    __slots__ = ("_container", "_lower_keys")
    __hash__ = None

    def __init__(self, container):
        if isinstance(container, ImmutableCaseInsensitiveDict):
            container = container._container
        self._container = dict(container)
        self._lower_keys = None

    @classmethod
    def _wrap(cls, container):
        """A view of a dict nobody else can change (a value inside the event): no copy needed."""
        view = cls.__new__(cls)
        view._container = container
        view._lower_keys = None
        return view

    def _resolve(self, key):
        """The stored key for a case-insensitive match, or _MISSING. The first key in iteration order wins."""
        if not isinstance(key, string_types):
            return _MISSING
        lower_keys = self._lower_keys
        if lower_keys is None:
            lower_keys = {}
            for k in self._container:
                if isinstance(k, string_types):
                    lower_keys.setdefault(k.lower(), k)
            self._lower_keys = lower_keys
        return lower_keys.get(key.lower(), _MISSING)

    def __getitem__(self, key):
        container = self._container
        value = container.get(key, _MISSING)
        if value is not _MISSING:
            return value if type(value) in _SCALAR_TYPES else _ensure_immutable(value)
        stored = self._resolve(key)
        if stored is _MISSING:
            raise KeyError(key)
        return _ensure_immutable(container[stored])

    # get repeats __getitem__ rather than calling it: rules read most fields through one or the other, and a call
    # (or a caught KeyError) costs more than the lookup itself.
    def get(self, key, default=None):
        container = self._container
        value = container.get(key, _MISSING)
        if value is not _MISSING:
            return value if type(value) in _SCALAR_TYPES else _ensure_immutable(value)
        stored = self._resolve(key)
        if stored is _MISSING:
            return default
        return _ensure_immutable(container[stored])

    def __contains__(self, key):
        return key in self._container or self._resolve(key) is not _MISSING

    def __iter__(self):
        return iter(self._container)

    def __eq__(self, other):
        if isinstance(other, ImmutableCaseInsensitiveDict):
            return self._container == other._container
        if isinstance(other, Mapping):
            return self._container == _mutable_copy(other)
        return NotImplemented

    def __repr__(self):
        return repr(self._container)

    def __str__(self):
        return str(self._container)

    def to_dict(self):
        return _mutable_copy(self._container)

    def __deepcopy__(self, memo):
        return ImmutableCaseInsensitiveDict(_mutable_copy(self._container))


class ImmutableList(_ReadOnlyView, Sequence):
    """A read-only Sequence over a tuple; compares equal to lists and tuples with the same items."""

    __slots__ = ("_container",)
    __hash__ = None

    def __init__(self, container):
        if isinstance(container, ImmutableList):
            container = container._container
        self._container = tuple(container)

    @classmethod
    def _wrap(cls, container):
        """A view of a list or tuple nobody else can change (a value inside the event): no copy needed."""
        view = cls.__new__(cls)
        view._container = container
        return view

    def __getitem__(self, index):
        if isinstance(index, slice):
            return ImmutableList(tuple(self._container[index]))
        return _ensure_immutable(self._container[index])

    def __iter__(self):
        for item in self._container:
            yield _ensure_immutable(item)

    def __eq__(self, other):
        if isinstance(other, ImmutableList):
            return tuple(self._container) == tuple(other._container)
        if isinstance(other, (list, tuple)):
            return list(_mutable_copy(self._container)) == _mutable_copy(other)
        return NotImplemented

    def __repr__(self):
        return repr(list(self._container))

    def __str__(self):
        return str(list(self._container))

    def as_list(self):
        return _mutable_copy(self._container)

    def __deepcopy__(self, memo):
        return ImmutableList(_mutable_copy(self._container))


def json_encoder(value):
    """json.dumps(default=...) for event values: the wrappers encode as their contents."""
    if isinstance(value, ImmutableList):
        return value.as_list()
    if isinstance(value, ImmutableCaseInsensitiveDict):
        return value.to_dict()
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)
