"""Derives, from a Python rule's source, a condition on the event that every matching event satisfies.

The condition is returned as a JSON-able tree; Tarn compiles it to a Spark expression and calls Python only for events
that satisfy it. Soundness is the point: whenever rule(event) would return True, the condition holds. So only code
whose meaning is certain is used:

* the leading statements of rule(): guards `if C: return False`, and assignments of event lookups to local names;
  an opaque guard (a helper call, say) is stepped over, because passing it is also required for a match;
* the final `return C` when every statement before it was one of those;
* atoms over event.get("k"[, literal]) and event.deep_get("a", "b"[, default=literal]) (directly or through a local
  name assigned once), compared with literals or with module constants bound once to literals: ==, !=, in, not in,
  `is None`, `is not None`, truthiness, and str.startswith/endswith/`"x" in value` when a str default guarantees a
  string; combined with and / or / not.

Anything else makes the containing condition unknown (None): an unknown conjunct is dropped (the rest is still
necessary); an unknown disjunct makes the whole disjunction unknown.
"""
import ast
import json

_LITERAL_TYPES = (str, int, float, bool, type(None))


def analyze(source):
    """JSON text of the derived condition, or "null" when nothing sound can be derived."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return "null"
    return json.dumps(_Analyzer(tree).condition())


class _Analyzer(object):
    def __init__(self, tree):
        self.tree = tree
        self.constants = self._module_constants(tree)

    # -- module level -------------------------------------------------------------------------------------------

    @staticmethod
    def _module_constants(tree):
        """Names bound exactly once, at module level, to a literal, and never declared global in a function."""
        assigned = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                for name in node.names:
                    assigned[name] = None
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            for target in targets:
                for name_node in ast.walk(target):
                    if isinstance(name_node, ast.Name):
                        assigned[name_node.id] = None if name_node.id in assigned else node
        # A mutable collection that may be mutated (a method called on it, an item assigned, passed to a function)
        # is not a constant, however it was bound. Tuples, strings and numbers cannot change.
        escapes = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                escapes.add(node.value.id)
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)) and isinstance(
                    node.value, ast.Name):
                escapes.add(node.value.id)
            elif isinstance(node, ast.Call):
                for arg in list(node.args) + [k.value for k in node.keywords]:
                    if isinstance(arg, ast.Name):
                        escapes.add(arg.id)
        constants = {}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                if assigned.get(name) is stmt:
                    value = _literal(stmt.value)
                    mutable = isinstance(stmt.value, (ast.List, ast.Set, ast.Dict)) or not isinstance(
                        value, (tuple,) + _LITERAL_TYPES)
                    if value is not _UNKNOWN and not (mutable and name in escapes):
                        constants[name] = value
        return constants

    def _rule_function(self):
        found = None
        for stmt in self.tree.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "rule":
                found = stmt
        if found is None:
            return None
        args = found.args
        if len(args.args) != 1 or args.vararg or args.kwarg:
            return None
        return found

    # -- rule body ----------------------------------------------------------------------------------------------

    def condition(self):
        function = self._rule_function()
        if function is None:
            return None
        self.event = function.args.args[0].arg
        self.aliases = {}
        self.shadowed = set(n.id for n in ast.walk(self.tree) if isinstance(n, ast.Name) and isinstance(
            n.ctx, ast.Store)) | set(a.asname or a.name for n in ast.walk(self.tree) if isinstance(
                n, (ast.Import, ast.ImportFrom)) for a in n.names) | set(
                    n.name for n in ast.walk(self.tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef)))
        reassigned = self._names_assigned_more_than_once(function)
        if self.event in reassigned or any(
                isinstance(n, ast.Name) and n.id == self.event and isinstance(n.ctx, ast.Store)
                for n in ast.walk(function)):
            return None
        conjuncts = []
        for index, stmt in enumerate(function.body):
            last = index == len(function.body) - 1
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(
                    stmt.value.value, str):
                continue  # docstring
            if _is_false_guard(stmt):
                # `if a or b: return False` rejects the event when either holds: each negation is necessary on its
                # own. Exact, not _condition: negating a condition with dropped conjuncts would be unsound.
                tests = stmt.test.values if isinstance(stmt.test, ast.BoolOp) and isinstance(
                    stmt.test.op, ast.Or) else [stmt.test]
                for test in tests:
                    c = self._exact(test)
                    if c is not None:
                        conjuncts.append(_negate(c))
                continue
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                value = self._value(stmt.value)
                if value is not None and name not in reassigned and name != self.event:
                    self.aliases[name] = value
                continue
            if last and isinstance(stmt, ast.Return) and stmt.value is not None:
                c = self._condition(stmt.value)
                if c is not None:
                    conjuncts.append(c)
            break
        return _all(conjuncts)

    @staticmethod
    def _names_assigned_more_than_once(function):
        counts = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                counts[node.id] = counts.get(node.id, 0) + 1
            elif isinstance(node, ast.Global):
                for n in node.names:
                    counts[n] = 2
        return set(n for n, c in counts.items() if c > 1)

    # -- conditions ---------------------------------------------------------------------------------------------

    def _condition(self, node):
        if isinstance(node, ast.BoolOp):
            parts = [self._condition(v) for v in node.values]
            if isinstance(node.op, ast.And):
                known = [p for p in parts if p is not None]
                return _all(known)
            if any(p is None for p in parts):
                return None
            return {"any": parts}
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self._exact(node.operand)
            return None if inner is None else _negate(inner)
        return self._exact(node)

    def _exact(self, node):
        """A condition equivalent to the truthiness of node, or None. Unlike _condition, never drops conjuncts, so
        its result may be negated."""
        if isinstance(node, ast.BoolOp):
            parts = [self._exact(v) for v in node.values]
            if any(p is None for p in parts):
                return None
            return {"all": parts} if isinstance(node.op, ast.And) else {"any": parts}
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self._exact(node.operand)
            return None if inner is None else _negate(inner)
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            return self._compare(node.left, node.ops[0], node.comparators[0])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "startswith", "endswith") and len(node.args) == 1 and not node.keywords:
            value = self._value(node.func.value)
            arg = self._constant(node.args[0])
            if value is None or not _is_text(value):
                return None
            if isinstance(arg, str):
                arg = [arg]
            if not isinstance(arg, (list, tuple)) or not arg or not all(isinstance(a, str) for a in arg):
                return None
            return {"op": node.func.attr, "value": value, "literal": list(arg)}
        any_call = self._any_over_constant(node)
        if any_call is not None:
            return any_call
        value = self._value(node)
        if value is not None:
            return {"op": "truthy", "value": value}
        return None

    def _any_over_constant(self, node):
        """any(<test of the loop variable> for <name> in CONSTANT) with a constant collection of strings: the
        disjunction of the test for each element."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "any"
                and "any" not in self.shadowed and len(node.args) == 1 and not node.keywords
                and isinstance(node.args[0], ast.GeneratorExp)):
            return None
        gen = node.args[0]
        if len(gen.generators) != 1:
            return None
        comp = gen.generators[0]
        if comp.ifs or getattr(comp, "is_async", 0) or not isinstance(comp.target, ast.Name):
            return None
        items = self._constant(comp.iter)
        if not isinstance(items, (list, tuple, set, frozenset)) or isinstance(items, _Keys) or not items or not all(
                isinstance(i, str) for i in items):
            return None
        var = comp.target.id
        elt = gen.elt
        # `item in value`: substring of a text value
        if (isinstance(elt, ast.Compare) and len(elt.ops) == 1 and isinstance(elt.ops[0], ast.In)
                and isinstance(elt.left, ast.Name) and elt.left.id == var):
            value = self._value(elt.comparators[0])
            if value is None or not _is_text(value):
                return None
            return {"any": [{"op": "contains", "value": value, "literal": i} for i in _sorted(items)]}
        # `value.startswith(item)` / `value.endswith(item)`
        if (isinstance(elt, ast.Call) and isinstance(elt.func, ast.Attribute)
                and elt.func.attr in ("startswith", "endswith") and len(elt.args) == 1 and not elt.keywords
                and isinstance(elt.args[0], ast.Name) and elt.args[0].id == var):
            value = self._value(elt.func.value)
            if value is None or not _is_text(value):
                return None
            return {"op": elt.func.attr, "value": value, "literal": _sorted(items)}
        return None

    def _compare(self, left, op, right):
        lvalue, rvalue = self._value(left), self._value(right)
        if isinstance(op, (ast.Is, ast.IsNot)):
            if lvalue is not None and _is_none(right):
                c = {"op": "is_none", "value": lvalue}
                return c if isinstance(op, ast.Is) else _negate(c)
            return None
        if isinstance(op, (ast.Eq, ast.NotEq)):
            if lvalue is not None:
                literal = self._constant(right)
            elif rvalue is not None:
                lvalue, literal = rvalue, self._constant(left)
            else:
                return None
            if literal is _UNKNOWN or isinstance(literal, _Keys) or not isinstance(literal, _LITERAL_TYPES):
                return None
            c = {"op": "eq", "value": lvalue, "literal": literal}
            return c if isinstance(op, ast.Eq) else _negate(c)
        if isinstance(op, (ast.In, ast.NotIn)):
            if lvalue is not None:
                literal = self._constant(right)
                if isinstance(literal, (list, tuple, set, frozenset)) and all(
                        isinstance(x, _LITERAL_TYPES) for x in literal):
                    c = {"op": "in", "value": lvalue, "literal": _sorted(literal)}
                    return c if isinstance(op, ast.In) else _negate(c)
                return None
            if rvalue is not None and _is_text(rvalue):
                literal = self._constant(left)
                if isinstance(literal, str):
                    c = {"op": "contains", "value": rvalue, "literal": literal}
                    return c if isinstance(op, ast.In) else _negate(c)
            return None
        return None

    # -- values -------------------------------------------------------------------------------------------------

    def _value(self, node):
        """{"path": [...], "default": literal, "deep": bool, "transforms": [...]} for an event lookup (optionally
        passed through str(), .lower() or .upper()), else None."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if not isinstance(node, ast.Call):
            return None
        if (isinstance(node.func, ast.Name) and node.func.id == "str" and len(node.args) == 1
                and not node.keywords and "str" not in self.shadowed):
            inner = self._value(node.args[0])
            return None if inner is None else dict(inner, transforms=inner.get("transforms", []) + ["str"])
        if (isinstance(node.func, ast.Attribute) and node.func.attr in ("lower", "upper") and not node.args
                and not node.keywords):
            inner = self._value(node.func.value)
            if inner is None or not _is_text(inner):
                return None
            return dict(inner, transforms=inner.get("transforms", []) + [node.func.attr])
        if not isinstance(node.func, ast.Attribute):
            return None
        owner = node.func.value
        if not isinstance(owner, ast.Name) or owner.id != self.event:
            return None
        method = node.func.attr
        if method == "get":
            if not node.args or len(node.args) > 2:
                return None
            key = self._constant(node.args[0])
            default = self._constant(node.args[1]) if len(node.args) == 2 else None
            for kw in node.keywords:
                if kw.arg != "default" or len(node.args) != 1:
                    return None
                default = self._constant(kw.value)
            if not isinstance(key, str) or not isinstance(default, _LITERAL_TYPES):
                return None
            return {"path": [key], "default": default, "deep": False}
        if method == "deep_get":
            keys = [self._constant(a) for a in node.args]
            if not keys or not all(isinstance(k, str) for k in keys):
                return None
            default = None
            for kw in node.keywords:
                if kw.arg != "default":
                    return None
                default = self._constant(kw.value)
            if not isinstance(default, _LITERAL_TYPES):
                return None
            return {"path": keys, "default": default, "deep": True}
        return None

    def _constant(self, node):
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        return _literal(node)


class _Unknown(object):
    pass


_UNKNOWN = _Unknown()


def _literal(node):
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _UNKNOWN
    if isinstance(value, _LITERAL_TYPES):
        return value
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, _LITERAL_TYPES) for v in value):
        return value
    if isinstance(value, dict) and all(isinstance(k, _LITERAL_TYPES) for k in value):
        return _Keys(value)
    return _UNKNOWN


class _Keys(tuple):
    """The keys of a dict constant: usable for `in` (key membership) only."""

    def __new__(cls, mapping):
        return tuple.__new__(cls, list(mapping.keys()))


def _sorted(values):
    return sorted(values, key=lambda v: (type(v).__name__, repr(v)))


def _is_none(node):
    return isinstance(node, ast.Constant) and node.value is None


def _is_text(value):
    """Whether the value is certainly a str when present: str() applied, or a str default (the column's type is
    checked when the condition is compiled)."""
    return "str" in value.get("transforms", []) or isinstance(value.get("default"), str)


def _is_false_guard(stmt):
    return (isinstance(stmt, ast.If) and not stmt.orelse and len(stmt.body) == 1
            and isinstance(stmt.body[0], ast.Return) and isinstance(stmt.body[0].value, ast.Constant)
            and stmt.body[0].value.value is False)


def _negate(c):
    if c.get("op") == "not":
        return c["of"]
    return {"op": "not", "of": c}


def _all(parts):
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"all": parts}
