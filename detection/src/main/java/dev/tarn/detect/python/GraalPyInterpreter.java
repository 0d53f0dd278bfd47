package dev.tarn.detect.python;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * A sandboxed GraalPy context with Tarn's driver loaded.
 *
 * <p>The sandbox is the polyglot context's: host access only to the methods of {@link KvBridge} marked for export,
 * no host class lookup or loading, no processes, threads, native code, environment or polyglot bindings, and no I/O
 * unless the options ask for it ({@code python.path} directories are readable, nothing else). Some denials reach
 * Python as ordinary errors ({@code PermissionError} from {@code open}); others (sockets, processes, threads) end the
 * call with a host error that Python cannot catch, which the runtime reports as the detection's
 * {@code SandboxViolation} error.
 */
final class GraalPyInterpreter implements Interpreter {

  /** How long a stop waits for the interrupted call to unwind before the context is cancelled outright. */
  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

  private final Context context;
  private final Value runner;
  private final Map<String, Value> functions = new HashMap<>();
  private volatile boolean cancelled;

  private GraalPyInterpreter(Context context, Value runner) {
    this.context = context;
    this.runner = runner;
  }

  static GraalPyInterpreter start(RuntimeOptions options, String settingsJson) {
    Context context = newContext(options);
    try {
      Value importer = context.eval(Source.newBuilder("python", PythonModules.bootstrapSource(),
          PythonModules.displayName(PythonModules.BOOTSTRAP)).cached(true).buildLiteral());
      for (PythonModules.Module module : PythonModules.modules()) {
        importer.invokeMember("add", module.name(), module.source(), module.filename(), module.isPackage(), false);
      }
      Value runner = context.eval("python", "__import__('_tarn_runner')");
      Object bridge = options.kvStore() == null ? null : new KvBridge(options.kvStore());
      runner.getMember("configure").execute(settingsJson, bridge);
      return new GraalPyInterpreter(context, runner);
    } catch (RuntimeException e) {
      context.close(true);
      throw new IllegalStateException("GraalPy could not start Tarn's Python driver: " + e.getMessage(), e);
    }
  }

  private static Context newContext(RuntimeOptions options) {
    return Context.newBuilder("python")
        .engine(GraalPyEngine.shared())
        .allowHostAccess(HostAccess.EXPLICIT)
        .allowHostClassLookup(className -> false)
        .allowHostClassLoading(false)
        .allowCreateProcess(false)
        .allowCreateThread(false)
        .allowNativeAccess(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .allowInnerContextOptions(false)
        .allowIO(ioAccess(options))
        .useSystemExit(false)
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .in(InputStream.nullInputStream())
        .option("python.DontWriteBytecodeFlag", "true")
        .option("python.IgnoreEnvironmentFlag", "true")
        .option("python.NoUserSiteFlag", "true")
        .option("python.SafePathFlag", "true")
        .build();
  }

  private static IOAccess ioAccess(RuntimeOptions options) {
    List<Path> pythonPath = options.pythonPath() == null ? List.of() : options.pythonPath();
    if (options.allowFiles()) {
      return IOAccess.newBuilder().allowHostFileAccess(true).allowHostSocketAccess(options.allowNetwork()).build();
    }
    if (pythonPath.isEmpty() && !options.allowNetwork()) {
      return IOAccess.NONE;
    }
    IOAccess.Builder io = IOAccess.newBuilder().allowHostSocketAccess(options.allowNetwork());
    if (!pythonPath.isEmpty()) {
      io.fileSystem(PythonPathFileSystem.forDirectories(pythonPath));
    }
    return io.build();
  }

  private Value function(String name) {
    return functions.computeIfAbsent(name, runner::getMember);
  }

  @Override
  public String call(String function, Object... args) {
    Value result = function(function).execute(args);
    return result.isNull() ? null : result.asString();
  }

  @Override
  public Object callForObject(String function, Object... args) {
    return function(function).execute(args);
  }

  @Override
  public void stop(CallWatchdog.Call call, CallWatchdog.Limit limit) {
    try {
      context.interrupt(INTERRUPT_GRACE);
    } catch (TimeoutException e) {
      // The call did not reach a point where it can be interrupted: cancel the whole context instead.
      cancelled = true;
      context.close(true);
    } catch (RuntimeException e) {
      cancelled = true;
    }
  }

  @Override
  public boolean survives(RuntimeException failure) {
    if (cancelled) {
      return false;
    }
    if (failure instanceof PolyglotException polyglot) {
      return !polyglot.isCancelled() && !polyglot.isExit() && !polyglot.isResourceExhausted();
    }
    return !(failure instanceof IllegalStateException);
  }

  @Override
  public String describe(RuntimeException failure) {
    if (failure instanceof PolyglotException polyglot) {
      if (polyglot.isInterrupted() || polyglot.isCancelled()) {
        return "RuleStopped: the call was stopped";
      }
      if (polyglot.isExit()) {
        return "SystemExit: the detection exited the interpreter (exit status " + polyglot.getExitStatus() + ")";
      }
      String message = String.valueOf(polyglot.getMessage());
      if (polyglot.isInternalError() || polyglot.isHostException()) {
        if (message.contains("SecurityException") || message.contains("not allowed")
            || message.contains("was excluded")) {
          return "SandboxViolation: the operation is not allowed in Tarn's rule sandbox (" + message + ")";
        }
        return "InternalError: " + message;
      }
      return message;
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  @Override
  public void close() {
    try {
      context.close(true);
    } catch (RuntimeException e) {
      // Already closed or cancelled: nothing left to release.
    }
  }
}
