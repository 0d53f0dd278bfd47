"""Clear Python errors for what GraalPy's sandbox forbids.

The polyglot context is the actual boundary: no host file system, sockets, processes, threads, environment or
host classes. Left alone, some of those denials surface as internal Java errors that Python code cannot catch;
these wrappers turn the common entry points into PermissionError with a message that names the sandbox.
"""


def _denied(what):
    def denied(*args, **kwargs):
        raise PermissionError("%s is not available in Tarn's rule sandbox" % what)
    return denied


def install(allow_network):
    import os
    for name in ("system", "popen", "fork", "forkpty", "execv", "execve", "execl", "execle", "execlp", "execvp",
                 "execvpe", "spawnv", "spawnve", "spawnl", "spawnle", "posix_spawn", "posix_spawnp", "kill"):
        if hasattr(os, name):
            setattr(os, name, _denied("os.%s() (process control)" % name))
    import subprocess
    subprocess.Popen.__init__ = _denied("subprocess (creating processes)")
    import threading
    threading.Thread.start = _denied("threading.Thread.start() (creating threads)")
    import _thread
    _thread.start_new_thread = _denied("_thread.start_new_thread() (creating threads)")
    _thread.start_new = _thread.start_new_thread
    if allow_network:
        return
    import socket
    import _socket
    socket.socket.__init__ = _denied("socket.socket() (network access)")
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "create_connection",
                 "create_server", "socketpair", "fromfd"):
        denied = _denied("socket.%s() (network access)" % name)
        for module in (socket, _socket):
            if hasattr(module, name):
                setattr(module, name, denied)
    _socket.socket = socket.socket
