"""unittest.mock for Jython 2.7, which has none: the part of it that Panther's tests and detections use.

MagicMock (callable, return_value, side_effect, call recording, child attributes, the common magic methods),
sentinel/DEFAULT/ANY/call, and patch, patch.object and patch.multiple (context managers, start/stop, decorators).
Under Python 3 Tarn uses the real unittest.mock.
"""
import sys


class _Sentinel(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "sentinel.%s" % self.name


class _SentinelFactory(object):
    def __init__(self):
        self._made = {}

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._made.setdefault(name, _Sentinel(name))


sentinel = _SentinelFactory()
DEFAULT = sentinel.DEFAULT


class _Any(object):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return "<ANY>"


ANY = _Any()


class _Call(tuple):
    """call(*args, **kwargs): what a mock was called with; compares with (args, kwargs)."""

    def __new__(cls, args=(), kwargs=None):
        return tuple.__new__(cls, (tuple(args), dict(kwargs or {})))

    def __call__(self, *args, **kwargs):
        return _Call(args, kwargs)

    @property
    def args(self):
        return self[0]

    @property
    def kwargs(self):
        return self[1]

    def __repr__(self):
        parts = [repr(a) for a in self[0]] + ["%s=%r" % item for item in sorted(self[1].items())]
        return "call(%s)" % ", ".join(parts)


call = _Call()

_RESERVED = frozenset(["return_value", "side_effect", "call_count", "call_args", "call_args_list", "called",
                       "mock_calls", "_children", "_name", "_return_value"])


class NonCallableMagicMock(object):
    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, name=None, **kwargs):
        object.__setattr__(self, "_children", {})
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_return_value", return_value)
        object.__setattr__(self, "side_effect", side_effect)
        self.reset_mock()
        for key, value in kwargs.items():
            target = self
            parts = key.split(".")
            for part in parts[:-1]:
                target = getattr(target, part)
            setattr(target, parts[-1], value)

    def reset_mock(self):
        object.__setattr__(self, "call_count", 0)
        object.__setattr__(self, "call_args", None)
        object.__setattr__(self, "call_args_list", [])
        object.__setattr__(self, "mock_calls", [])

    @property
    def called(self):
        return self.call_count > 0

    def _get_return_value(self):
        if self._return_value is DEFAULT:
            object.__setattr__(self, "_return_value", MagicMock())
        return self._return_value

    def _set_return_value(self, value):
        object.__setattr__(self, "_return_value", value)

    return_value = property(_get_return_value, _set_return_value)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        children = object.__getattribute__(self, "_children")
        if name not in children:
            children[name] = MagicMock(name=name)
        return children[name]

    def __setattr__(self, name, value):
        if name in _RESERVED or name in type(self).__dict__ or name in NonCallableMagicMock.__dict__:
            object.__setattr__(self, name, value)
        else:
            self._children[name] = value

    def __delattr__(self, name):
        self._children.pop(name, None)

    def __repr__(self):
        return "<MagicMock name=%r id=%d>" % (self._name or "mock", id(self))

    # The magic methods MagicMock configures, with unittest.mock's default results.
    def __len__(self):
        return 0

    def __iter__(self):
        return iter([])

    def __contains__(self, item):
        return False

    def __nonzero__(self):
        return True

    __bool__ = __nonzero__

    def __int__(self):
        return 1

    def __float__(self):
        return 1.0

    def __enter__(self):
        return self.__getattr__("__enter__result")

    def __exit__(self, *exc):
        return False

    def __getitem__(self, key):
        return self.__getattr__("__getitem__result")

    def __setitem__(self, key, value):
        pass

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def assert_called(self):
        if not self.call_count:
            raise AssertionError("Expected %r to have been called." % self)

    def assert_not_called(self):
        if self.call_count:
            raise AssertionError("Expected %r to not have been called. Called %d times." % (self, self.call_count))

    def assert_called_once(self):
        if self.call_count != 1:
            raise AssertionError("Expected %r to have been called once. Called %d times." % (self, self.call_count))

    def assert_called_with(self, *args, **kwargs):
        if self.call_args != _Call(args, kwargs):
            raise AssertionError("expected %r, actual %r" % (_Call(args, kwargs), self.call_args))

    def assert_called_once_with(self, *args, **kwargs):
        self.assert_called_once()
        self.assert_called_with(*args, **kwargs)

    def assert_any_call(self, *args, **kwargs):
        if _Call(args, kwargs) not in self.call_args_list:
            raise AssertionError("%r call not found" % (_Call(args, kwargs),))


class MagicMock(NonCallableMagicMock):
    def __call__(self, *args, **kwargs):
        object.__setattr__(self, "call_count", self.call_count + 1)
        this_call = _Call(args, kwargs)
        object.__setattr__(self, "call_args", this_call)
        self.call_args_list.append(this_call)
        self.mock_calls.append(this_call)
        effect = self.side_effect
        if effect is not None:
            if isinstance(effect, BaseException) or (isinstance(effect, type) and issubclass(effect, BaseException)):
                raise effect
            if callable(effect):
                result = effect(*args, **kwargs)
                if result is not DEFAULT:
                    return result
            else:
                if not hasattr(effect, "next") and not hasattr(effect, "__next__"):
                    effect = iter(effect)
                    object.__setattr__(self, "side_effect", effect)
                result = next(effect)
                if isinstance(result, BaseException):
                    raise result
                return result
        return self.return_value


Mock = MagicMock
NonCallableMock = NonCallableMagicMock


def _resolve(target):
    module_name, _, attribute = target.rpartition(".")
    if not module_name:
        raise TypeError("Need a valid target to patch. You supplied: %r" % (target,))
    __import__(module_name)
    return sys.modules[module_name], attribute


class _Patch(object):
    def __init__(self, getter, changes, create=False):
        self._getter = getter
        self._changes = changes
        self._create = create
        self._saved = None

    def start(self):
        target = self._getter()
        saved = []
        made = {}
        for name, new in self._changes:
            if hasattr(target, name):
                saved.append((name, getattr(target, name), True))
            elif self._create:
                saved.append((name, None, False))
            else:
                for restored in reversed(saved):
                    self._restore(target, restored)
                raise AttributeError("%s does not have the attribute %r" % (target, name))
            value = MagicMock() if new is DEFAULT else new
            setattr(target, name, value)
            made[name] = value
        self._saved = (target, saved)
        return made if len(self._changes) != 1 or self._multiple else made[self._changes[0][0]]

    _multiple = False

    @staticmethod
    def _restore(target, entry):
        name, original, existed = entry
        if existed:
            setattr(target, name, original)
        else:
            delattr(target, name)

    def stop(self):
        if self._saved is None:
            return
        target, saved = self._saved
        for entry in reversed(saved):
            self._restore(target, entry)
        self._saved = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    def __call__(self, function):
        patcher = self

        def patched(*args, **kwargs):
            with patcher:
                return function(*args, **kwargs)

        patched.__name__ = getattr(function, "__name__", "patched")
        return patched


def patch(target, new=DEFAULT, create=False, **kwargs):
    holder = {}

    def getter():
        if "target" not in holder:
            holder["target"], holder["attribute"] = _resolve(target)
        return holder["target"]

    module_name, _, attribute = target.rpartition(".")
    if new is DEFAULT and kwargs:
        new = MagicMock(**kwargs)
    return _Patch(getter, [(attribute, new)], create)


def _patch_object(target, attribute, new=DEFAULT, create=False, **kwargs):
    if new is DEFAULT and kwargs:
        new = MagicMock(**kwargs)
    return _Patch(lambda: target, [(attribute, new)], create)


def _patch_multiple(target, create=False, **kwargs):
    if not kwargs:
        raise ValueError("Must supply at least one keyword argument with patch.multiple")
    if isinstance(target, str):
        def getter():
            __import__(target)
            return sys.modules[target]
    else:
        def getter():
            return target
    patcher = _Patch(getter, sorted(kwargs.items()), create)
    patcher._multiple = True
    return patcher


patch.object = _patch_object
patch.multiple = _patch_multiple
