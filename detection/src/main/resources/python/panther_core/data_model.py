"""Panther data models: UDM names mapped to a field path or to a Python method, per log type.

Panther parses Path mappings with jsonpath-ng; the corpus only uses plain dotted paths ($.a.b.c or a bare field
name), so this module resolves those itself: named fields, optionally quoted (['a b']) and list indexes ([0]).
Wildcards, filters and recursive descent are rejected when the data model loads.
"""
import re

from panther_core._compat import Mapping, Sequence, string_types

_SEGMENT = re.compile(r"""\.?(?:\[\s*(?:'([^']*)'|"([^"]*)"|(-?\d+))\s*\]|([^.\[\]'"*]+))""")


class JsonPath(object):
    """A dotted JSONPath without wildcards. str() gives jsonpath-ng 1.5.3's rendering: dotted, no leading $."""

    __slots__ = ("text", "steps")

    def __init__(self, text):
        if not isinstance(text, string_types) or not text.strip():
            raise ValueError("empty JSONPath")
        self.text = text.strip()
        body = self.text
        if body == "$":
            raise ValueError("JSONPath [%s] selects the whole event; map a field instead" % text)
        if body.startswith("$"):
            body = body[1:]
        steps = []
        pos = 0
        while pos < len(body):
            match = _SEGMENT.match(body, pos)
            if match is None or match.end() == pos:
                raise ValueError(
                    "unsupported JSONPath [%s] at position %d: Tarn's data models take dotted field paths "
                    "like $.a.b.c (no wildcards, filters or recursive descent)" % (text, pos + len(self.text) - len(body)))
            quoted1, quoted2, index, name = match.groups()
            if index is not None:
                steps.append(int(index))
            else:
                field = name if name is not None else (quoted1 if quoted1 is not None else quoted2)
                if name is not None and (name.strip() != name or name == ".."):
                    raise ValueError("unsupported JSONPath [%s]: field [%s]" % (text, name))
                steps.append(field)
            pos = match.end()
        if not steps:
            raise ValueError("empty JSONPath [%s]" % text)
        self.steps = tuple(steps)

    def find(self, data):
        """The values this path selects in data: a list of zero or one element."""
        current = data
        for step in self.steps:
            if isinstance(step, int):
                if isinstance(current, Sequence) and not isinstance(current, string_types) \
                        and -len(current) <= step < len(current):
                    current = current[step]
                else:
                    return []
            elif isinstance(current, Mapping) and step in current:
                current = current[step]
            else:
                return []
        return [current]

    def __str__(self):
        out = []
        for step in self.steps:
            if isinstance(step, int):
                out.append("[%d]" % step)
            else:
                out.append(step if not out else "." + step)
        return "".join(out)

    def __repr__(self):
        return "JsonPath(%r)" % self.text


class DataModel(object):
    """One enabled data model: paths[name] is a JsonPath, methods[name] a function of the event."""

    def __init__(self, data_model_id, mappings, module=None):
        self.data_model_id = data_model_id
        self.paths = {}
        self.methods = {}
        for mapping in mappings:
            name = mapping.get("name")
            path = mapping.get("path")
            method = mapping.get("method")
            if not name:
                raise ValueError("data model [%s] has a mapping without Name" % data_model_id)
            if (path is None) == (method is None):
                raise ValueError("data model [%s] mapping [%s] needs exactly one of Path and Method"
                                 % (data_model_id, name))
            if path is not None:
                self.paths[name] = JsonPath(path)
                continue
            function = getattr(module, method, None) if module is not None else None
            if not callable(function):
                raise ValueError("data model [%s] mapping [%s]: method [%s] is not a function of its Python file"
                                 % (data_model_id, name, method))
            self.methods[name] = function
