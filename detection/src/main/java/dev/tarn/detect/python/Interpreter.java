package dev.tarn.detect.python;

/**
 * One live Python interpreter (a GraalPy context or a Jython interpreter) with Tarn's driver module {@code _tarn_runner}
 * imported and configured: what {@link PythonRuleRuntime} needs from an engine.
 *
 * <p>Arguments are {@code String}, {@code Boolean}, {@code Integer}, null, or objects an earlier
 * {@link #callForObject} returned.
 */
interface Interpreter extends AutoCloseable {

  /** Calls a driver function; its {@code str} result, or null for {@code None}. */
  String call(String function, Object... args);

  /** Calls a driver function and keeps the result as an opaque guest object (a selection of detections). */
  Object callForObject(String function, Object... args);

  /** Stops the call running now (on the watchdog's stopper thread); returns once it is stopped or given up on. */
  void stop(CallWatchdog.Call call, CallWatchdog.Limit limit);

  /** After {@code failure} ended a call: whether this interpreter can still be used. */
  boolean survives(RuntimeException failure);

  /** A one-line {@code TypeName: message} for a failure the driver did not report itself. */
  String describe(RuntimeException failure);

  @Override
  void close();
}
