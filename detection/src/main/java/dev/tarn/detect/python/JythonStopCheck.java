package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyTuple;

/**
 * The {@code _tarn_stop_check()} that Jython pack code calls at the top of every loop iteration (see
 * {@code _tarn_jython.py}): returns True until the watchdog flags the running call, then raises the driver's
 * {@code RuleAbort(kind, text)} on every check until the driver reports the stopped detection and calls the
 * {@link #abortHandled() hook}, which clears it and starts a fresh time window for the rest of the pass.
 */
final class JythonStopCheck extends PyObject {

  private static final long serialVersionUID = 1L;

  private final transient PyObject abortType;
  private transient volatile PyTuple pending;
  private transient volatile CallWatchdog.Call flagged;

  JythonStopCheck(PyObject abortType) {
    this.abortType = requireNonNull(abortType, "abortType is null");
  }

  @Override
  public PyObject __call__() {
    PyTuple abort = pending;
    if (abort != null) {
      throw new PyException(abortType, abort);
    }
    return Py.True;
  }

  /** Called by the watchdog's stopper: the running call went over a limit. */
  void flag(CallWatchdog.Call call, String kind, String text) {
    flagged = call;
    pending = new PyTuple(Py.newString(kind), Py.newString(text));
  }

  /** Before each new call: a flag left from a call that ended on its own must not stop the next one. */
  void clear() {
    pending = null;
    flagged = null;
  }

  /** The hook the driver calls after it turned a RuleAbort into the stopped detection's error. */
  PyObject abortHandled() {
    return new PyObject() {
      private static final long serialVersionUID = 1L;

      @Override
      public PyObject __call__() {
        CallWatchdog.Call call = flagged;
        clear();
        if (call != null) {
          call.restart();
        }
        return Py.None;
      }
    };
  }
}
