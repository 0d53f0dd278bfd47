"""Serves Python modules whose source the Java runtime hands over: Tarn's own modules and the pack's globals.

Evaluated first, as a plain script: it creates the module _tarn_importer and puts one finder on sys.meta_path.
The same finder speaks both import protocols: find_spec/exec_module (Python 3) and find_module/load_module
(Python 2.7, Jython). No file system access is involved.
"""
import sys
import types


class SourceImporter(object):
    """A sys.meta_path finder and loader over an in-memory table: module name -> (source, filename, is_package)."""

    def __init__(self):
        self.modules = {}
        # Pack code may be compiled differently from Tarn's own modules (Jython adds stop checks to it).
        self.compile_pack = lambda source, filename: compile(source, filename, "exec")
        self.pack_filenames = set()
        self.sources_by_file = {}
        # Names every pack module starts with (Jython's stop check).
        self.pack_globals = {}
        # The value of `__tarn_pack__` in pack modules (Jython's sandbox policy; True elsewhere).
        self.pack_marker = True

    def add(self, name, source, filename, is_package=False, pack=False):
        self.modules[name] = (source, filename, is_package, pack)
        self.sources_by_file[filename] = source
        _remember_lines(filename, source)
        if pack:
            self.pack_filenames.add(filename)

    # Python 3 protocol
    def find_spec(self, fullname, path=None, target=None):
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        from importlib.machinery import ModuleSpec
        spec = ModuleSpec(fullname, self, origin=entry[1], is_package=entry[2])
        spec.has_location = False
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        source, filename, is_package, pack = self.modules[module.__name__]
        self._prepare(module, filename, is_package, pack)
        exec(self._compile(source, filename, pack), module.__dict__)

    # Python 2.7 protocol
    def find_module(self, fullname, path=None):
        return self if fullname in self.modules else None

    def load_module(self, fullname):
        if fullname in sys.modules:
            return sys.modules[fullname]
        source, filename, is_package, pack = self.modules[fullname]
        module = types.ModuleType(fullname)
        module.__loader__ = self
        self._prepare(module, filename, is_package, pack)
        sys.modules[fullname] = module
        try:
            exec(self._compile(source, filename, pack), module.__dict__)
        except BaseException:
            sys.modules.pop(fullname, None)
            raise
        return sys.modules[fullname]

    def get_source(self, fullname):
        entry = self.modules.get(fullname)
        return entry[0] if entry is not None else None

    def filename_of(self, fullname):
        entry = self.modules.get(fullname)
        return entry[1] if entry is not None else None

    def source_of(self, filename):
        """The source of a module served here (or a detection loaded fresh), by its file name."""
        return self.sources_by_file.get(filename)

    def is_package(self, fullname):
        return self.modules[fullname][2]

    def _prepare(self, module, filename, is_package, pack):
        module.__file__ = filename
        if is_package:
            module.__path__ = []
            module.__package__ = module.__name__
        else:
            module.__package__ = module.__name__.rpartition(".")[0]
        if pack:
            module.__dict__.update(self.pack_globals)
            module.__dict__["__tarn_pack__"] = self.pack_marker

    def load_fresh(self, name, source, filename):
        """A new module named `name` from source, not registered in sys.modules (how Panther loads detections)."""
        self.sources_by_file[filename] = source
        _remember_lines(filename, source)
        self.pack_filenames.add(filename)
        module = types.ModuleType(name)
        module.__file__ = filename
        module.__dict__.update(self.pack_globals)
        module.__dict__["__tarn_pack__"] = self.pack_marker
        exec(self._compile(source, filename, True), module.__dict__)
        return module

    def _compile(self, source, filename, pack):
        if pack:
            return self.compile_pack(source, filename)
        return compile(source, filename, "exec")


def _remember_lines(filename, source):
    # Tracebacks read source lines through linecache; an entry whose mtime is None is never checked against disk.
    import linecache
    lines = [line + "\n" for line in source.splitlines()]
    linecache.cache[filename] = (len(source), None, lines, filename)


def _install():
    importer = SourceImporter()
    module = types.ModuleType("_tarn_importer")
    module.SourceImporter = SourceImporter
    module.importer = importer
    sys.modules["_tarn_importer"] = module
    sys.meta_path.insert(0, importer)
    return importer


_tarn_source_importer = _install()
_tarn_source_importer
