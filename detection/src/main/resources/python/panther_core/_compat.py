"""Names that differ between Python 2.7 (Jython) and Python 3 (GraalPy, CPython), in one place."""
import sys

PY2 = sys.version_info[0] == 2

if PY2:  # pragma: no cover - exercised under Jython
    string_types = (str, unicode)  # noqa: F821
    text_type = unicode  # noqa: F821
    integer_types = (int, long)  # noqa: F821
else:
    string_types = (str,)
    text_type = str
    integer_types = (int,)

try:
    from collections.abc import Mapping, Sequence, MutableMapping  # noqa: F401
except ImportError:  # Python 2.7
    from collections import Mapping, Sequence, MutableMapping  # noqa: F401

# Sequences that are values, not containers: a rule's string is never wrapped or walked into.
ATOMIC_SEQUENCES = string_types + (bytes, bytearray)
