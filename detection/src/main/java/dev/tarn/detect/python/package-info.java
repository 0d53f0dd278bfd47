/**
 * Runs Panther-format Python detections inside the JVM.
 *
 * <p>Entry point: {@link dev.tarn.detect.python.RuleRuntimes#open RuleRuntimes.open(runtimeName, pack, options)}
 * borrows a {@link dev.tarn.detect.python.RuleRuntime} with the pack's globals, enabled data models and all Python
 * detections imported; {@code evaluate(eventJson, logType, detectionIds)} returns the outcomes of the detections that
 * matched or failed on one event; {@code runTest} runs one embedded test; {@code close()} hands the runtime back to the
 * JVM's {@link dev.tarn.detect.python.RuntimePool} for the next task.
 *
 * <p>Two engines implement it: {@link dev.tarn.detect.python.GraalPyRuntime} (Python 3.11, sandboxed polyglot
 * context, the default) and {@link dev.tarn.detect.python.JythonRuntime} (Python 2.7, faster per call, best-effort
 * guards). Both run the same Python modules, served from {@code src/main/resources/python} without file access:
 * {@code panther_core} (PantherEvent and data models), {@code panther_detection_helpers.caching} (over the
 * {@link dev.tarn.detect.kv.KvStore}, reached through {@link dev.tarn.detect.python.KvBridge}), import-only
 * {@code boto3}/{@code botocore}, and the driver {@code _tarn_runner} that implements Panther's batch and test
 * semantics. Every Python call runs under a time limit and an allocation budget enforced by
 * {@link dev.tarn.detect.python.CallWatchdog}.
 */
package dev.tarn.detect.python;
