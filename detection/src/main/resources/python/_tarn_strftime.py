"""Makes strftime("%s") give epoch seconds where the platform's strftime does not (GraalPy, Jython).

CPython on glibc expands %s to the epoch seconds of the (local) time, and Panther's caching helpers and some
rules rely on it. datetime.strftime formats through time.strftime, so wrapping that one function covers both.
"""
import time
import types


def _expand_epoch(format_text, time_tuple):
    parts = []
    index = 0
    length = len(format_text)
    while index < length:
        char = format_text[index]
        if char == "%" and index + 1 < length:
            directive = format_text[index + 1]
            if directive == "s":
                parts.append(str(int(time.mktime(tuple(time_tuple)))))
            else:
                parts.append(char + directive)
            index += 2
            continue
        parts.append(char)
        index += 1
    return "".join(parts)


def install():
    """Wraps time.strftime when the platform leaves %s alone; returns True when it did."""
    original = time.strftime
    if getattr(original, "_tarn_epoch", False):
        return True
    try:
        if original("%s", time.gmtime(0)) != "%s":
            return False
    except ValueError:
        pass

    def strftime(format_text, time_tuple=None):
        if time_tuple is None:
            time_tuple = time.localtime()
        if "%s" in format_text:
            format_text = _expand_epoch(format_text, time_tuple)
        return original(format_text, time_tuple)

    strftime.__doc__ = original.__doc__
    strftime._tarn_epoch = True
    # Jython's time module is a Java class: a plain function set on it would become an unbound method.
    time.strftime = strftime if isinstance(time, types.ModuleType) else staticmethod(strftime)
    return True
