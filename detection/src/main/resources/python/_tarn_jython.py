"""What Tarn adds to Jython 2.7 for pack code: a stop check in loops, and import/file guards.

Jython cannot interrupt running Python code from another thread, so pack code (detections, globals, data models)
is compiled with a call to the runtime's stop check at the top of every loop body and in every comprehension; the
check raises RuleAbort once the runtime's watchdog flagged the call (time or memory limit). Code outside the pack
(the standard library, packages on python.path) is not instrumented: a runaway call there ends only when it returns.

The guards keep pack code from importing host and system modules and from opening files. They are a best-effort
barrier for honest mistakes, not a security boundary: Jython gives Python code many ways to reach Java.

Jython shares one __builtin__ module between all interpreters of a JVM, so the guards are installed once and read
their policy from the calling module: every pack module's `__tarn_pack__` is its runtime's Policy.
"""
import ast
import sys

import __builtin__

BLOCKED_IMPORTS = frozenset([
    "java", "javax", "javafx", "jdk", "sun", "com", "org", "net", "jnr", "jffi",
    "os", "posix", "nt", "subprocess", "_subprocess", "popen2", "commands", "pty", "socket", "_socket", "select",
    "ssl", "_ssl", "io", "_io", "_fileio", "shutil", "tempfile", "glob", "importlib", "imp", "ctypes", "__builtin__",
    "threading", "thread", "multiprocessing", "signal", "urllib", "urllib2", "httplib", "ftplib", "smtplib",
    "telnetlib", "asyncore", "SocketServer", "BaseHTTPServer", "zipimport", "pickle", "cPickle", "marshal",
    "code", "codeop", "pdb", "runpy",
])
NETWORK_IMPORTS = frozenset(["socket", "_socket", "select", "ssl", "_ssl", "urllib", "urllib2", "httplib", "ftplib",
                             "smtplib", "telnetlib", "asyncore", "SocketServer", "BaseHTTPServer"])
FILE_IMPORTS = frozenset(["io", "_io", "_fileio", "shutil", "tempfile", "glob"])
FILE_BUILTINS = ("open", "file", "execfile", "reload")


class Policy(object):
    """What one runtime's pack code may do; truthy, so it doubles as the `__tarn_pack__` marker."""

    def __init__(self, allow_files, allow_network):
        blocked = set(BLOCKED_IMPORTS)
        if allow_network:
            blocked -= NETWORK_IMPORTS
        if allow_files:
            blocked -= FILE_IMPORTS
        self.blocked_imports = frozenset(blocked)
        self.files = bool(allow_files)

    def __nonzero__(self):
        return True


def _policy_of(globals_dict):
    # Not isinstance(Policy): each interpreter has its own copy of this module, while the guards are shared.
    policy = globals_dict.get("__tarn_pack__") if globals_dict is not None else None
    return policy if getattr(policy, "blocked_imports", None) is not None else None


def _caller_globals(depth):
    try:
        return sys._getframe(depth + 1).f_globals
    except ValueError:
        return None


def _install_guards():
    if getattr(__builtin__, "_tarn_guarded", False):
        return
    original_import = __builtin__.__import__

    def guarded_import(name, globals=None, locals=None, fromlist=None, level=-1):
        # Jython's import statement passes Java nulls for some arguments when the module namespace is not a plain
        # dict; inside this function those read as unbound locals.
        try:
            importer_globals = globals
        except NameError:
            importer_globals = None
        try:
            importer_locals = locals
        except NameError:
            importer_locals = None
        try:
            names = fromlist
        except NameError:
            names = None
        policy = _policy_of(importer_globals if importer_globals is not None else _caller_globals(1))
        if policy is not None and name.split(".")[0] in policy.blocked_imports:
            raise ImportError("import of %s is blocked in Tarn's Jython rule sandbox (detections, globals and data "
                              "models cannot reach host or system modules)" % name)
        return original_import(name, importer_globals, importer_locals, names, level)

    def deny(name, original):
        def guarded(*args, **kwargs):
            policy = _policy_of(_caller_globals(1))
            if policy is not None and not policy.files:
                raise IOError("%s() is not available in Tarn's rule sandbox: detections cannot read or write files"
                              % name)
            return original(*args, **kwargs)
        guarded.__name__ = name
        return guarded

    __builtin__.__import__ = guarded_import
    for name in FILE_BUILTINS:
        original = getattr(__builtin__, name, None)
        if original is not None:
            setattr(__builtin__, name, deny(name, original))
    __builtin__._tarn_guarded = True


class _StopCheckInserter(ast.NodeTransformer):
    """Puts `_tarn_stop_check()` first in every loop body and as an extra condition of every comprehension."""

    def _check_call(self):
        return ast.Call(func=ast.Name(id="_tarn_stop_check", ctx=ast.Load()), args=[], keywords=[],
                        starargs=None, kwargs=None)

    def _prepend(self, node):
        self.generic_visit(node)
        statement = ast.Expr(value=self._check_call())
        ast.copy_location(statement, node)
        node.body.insert(0, statement)
        return node

    visit_For = _prepend
    visit_While = _prepend

    def visit_comprehension(self, node):
        self.generic_visit(node)
        node.ifs.append(self._check_call())
        return node


def _compile_instrumented(source, filename):
    tree = ast.parse(source, filename, "exec")
    tree = _StopCheckInserter().visit(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec")


def install(importer, allow_files, allow_network, stop_check):
    """Sets up this interpreter: guards (once per JVM), the pack policy and the instrumented compiler."""
    _install_guards()
    importer.pack_globals["_tarn_stop_check"] = stop_check
    importer.pack_marker = Policy(allow_files, allow_network)
    importer.compile_pack = _compile_instrumented
