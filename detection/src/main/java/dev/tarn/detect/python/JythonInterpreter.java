package dev.tarn.detect.python;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * A Jython 2.7 interpreter (its own {@code sys}: modules, path, meta_path) with Tarn's driver loaded. Pack code is
 * compiled with stop checks and runs behind import and file guards (see {@code _tarn_jython.py}); Jython has no
 * sandbox of its own.
 */
final class JythonInterpreter implements Interpreter {

  private static boolean initialized;

  private final PySystemState sys;
  private final PythonInterpreter python;
  private final PyObject runner;
  private final JythonStopCheck stopCheck;
  private final CallLimits limits;
  private final Map<String, PyObject> functions = new HashMap<>();

  private JythonInterpreter(PySystemState sys, PythonInterpreter python, PyObject runner, JythonStopCheck stopCheck,
      CallLimits limits) {
    this.sys = sys;
    this.python = python;
    this.runner = runner;
    this.stopCheck = stopCheck;
    this.limits = limits;
  }

  private static synchronized void initializeJython() {
    if (!initialized) {
      Properties properties = new Properties();
      // No site import (it reads the file system) and no scan of the class path for Java packages.
      properties.setProperty("python.import.site", "false");
      properties.setProperty("python.cachedir.skip", "true");
      properties.setProperty("python.console.encoding", "UTF-8");
      PySystemState.initialize(System.getProperties(), properties, new String[0]);
      initialized = true;
    }
  }

  static JythonInterpreter start(RuntimeOptions options, String settingsJson, CallLimits limits) {
    initializeJython();
    PySystemState sys = new PySystemState();
    PythonInterpreter python = new PythonInterpreter(null, sys);
    try {
      Py.setSystemState(sys);
      python.exec(Py.newUnicode(PythonModules.bootstrapSource()));
      PyObject importer = python.get("_tarn_source_importer");
      for (PythonModules.Module module : PythonModules.modules()) {
        importer.invoke("add", new PyObject[] {Py.newUnicode(module.name()), Py.newUnicode(module.source()),
            Py.newUnicode(module.filename()), Py.newBoolean(module.isPackage()), Py.False});
        if (module.name().equals("_tarn_mock")) {
          // Jython 2.7 has no unittest.mock; Panther's tests and some detections import it.
          importer.invoke("add", new PyObject[] {Py.newUnicode("unittest.mock"), Py.newUnicode(module.source()),
              Py.newUnicode(module.filename()), Py.False, Py.False});
        }
      }
      python.exec("import _tarn_runner");
      PyObject runner = python.get("_tarn_runner");
      Object bridge = options.kvStore() == null ? null : new KvBridge(options.kvStore());
      runner.invoke("configure", Py.newUnicode(settingsJson), Py.java2py(bridge));
      JythonStopCheck stopCheck = new JythonStopCheck(runner.__getattr__("RuleAbort"));
      python.exec("import _tarn_jython");
      python.get("_tarn_jython").invoke("install", new PyObject[] {importer,
          Py.newBoolean(options.allowFiles()), Py.newBoolean(options.allowNetwork()), stopCheck});
      runner.invoke("set_abort_hook", stopCheck.abortHandled());
      return new JythonInterpreter(sys, python, runner, stopCheck, limits);
    } catch (PyException e) {
      python.close();
      throw new IllegalStateException("Jython could not start Tarn's Python driver: " + e, e);
    }
  }

  private PyObject function(String name) {
    return functions.computeIfAbsent(name, runner::__getattr__);
  }

  private PyObject invoke(String function, Object[] args) {
    PyObject[] pyArgs = new PyObject[args.length];
    for (int i = 0; i < args.length; i++) {
      pyArgs[i] = toPython(args[i]);
    }
    // Jython keeps the current sys per thread; the thread may have run another interpreter before.
    Py.setSystemState(sys);
    stopCheck.clear();
    return function(function).__call__(pyArgs);
  }

  private static PyObject toPython(Object value) {
    if (value == null) {
      return Py.None;
    }
    if (value instanceof PyObject py) {
      return py;
    }
    if (value instanceof String text) {
      return Py.newUnicode(text);
    }
    if (value instanceof Boolean flag) {
      return Py.newBoolean(flag);
    }
    if (value instanceof Integer number) {
      return Py.newInteger(number);
    }
    throw new IllegalArgumentException("cannot pass " + value.getClass().getName() + " to Python");
  }

  @Override
  public String call(String function, Object... args) {
    PyObject result = invoke(function, args);
    return result == Py.None ? null : result.toString();
  }

  @Override
  public Object callForObject(String function, Object... args) {
    return invoke(function, args);
  }

  @Override
  public void stop(CallWatchdog.Call call, CallWatchdog.Limit limit) {
    stopCheck.flag(call, limits.kind(limit), limits.text(limit));
  }

  @Override
  public boolean survives(RuntimeException failure) {
    return true;
  }

  @Override
  public String describe(RuntimeException failure) {
    if (failure instanceof PyException py) {
      py.normalize();
      PyObject name = py.type.__findattr__("__name__");
      return (name == null ? "Exception" : name.toString()) + ": " + py.value.__str__();
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  @Override
  public void close() {
    python.close();
  }
}
