package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.detect.pack.DataModel;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.pack.GlobalModule;
import dev.tarn.detect.pack.LoadProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine-neutral part of a rule runtime: loading a pack through the driver module, batch evaluation with recovery
 * from stopped calls, embedded tests. {@link GraalPyRuntime} and {@link JythonRuntime} supply the {@link Interpreter}.
 *
 * <p>Every Python call runs under the {@link CallWatchdog}. When a call is stopped (time or memory limit) or fails
 * outside Python's own exception handling (a sandbox denial GraalPy reports as a host error), the detection that was
 * running gets the error and the pass continues with the next detection of the same event. When the interpreter does
 * not survive a failure it is discarded; the next call starts a new one and loads the pack again.
 */
abstract class PythonRuleRuntime implements RuleRuntime {

  private static final int MAX_SELECTIONS = 256;

  private final String name;
  private final PackPayload payload;
  private final RuntimeOptions options;
  private final CallLimits limits;
  private final CallWatchdog watchdog = CallWatchdog.shared();
  private final Map<String, Detection> detections = new HashMap<>();
  private final Map<List<String>, Object> selections = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<String>, Object> eldest) {
      return size() > MAX_SELECTIONS;
    }
  };
  private Interpreter interpreter;
  private boolean testsPrepared;
  private LoadResult loadResult;
  private boolean closed;

  PythonRuleRuntime(String name, PackPayload payload, RuntimeOptions options) {
    this.name = requireNonNull(name, "name is null");
    this.payload = requireNonNull(payload, "payload is null");
    this.options = requireNonNull(options, "options is null");
    this.limits = CallLimits.of(options);
    for (Detection detection : payload.detections()) {
      detections.put(detection.id(), detection);
    }
  }

  /** A new interpreter with the driver imported and configured, before any pack code was loaded. */
  abstract Interpreter newInterpreter();

  /**
   * Starts the interpreter and loads the pack; the engines' factories call it right after construction (not the
   * constructor, which must not call {@link #newInterpreter} before the subclass is built).
   */
  static <R extends PythonRuleRuntime> R started(R runtime) {
    PythonRuleRuntime base = runtime;
    base.interpreter = base.newInterpreter();
    base.loadResult = base.load();
    return runtime;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public LoadResult loadResult() {
    return loadResult;
  }

  final RuntimeOptions options() {
    return options;
  }

  final CallLimits limits() {
    return limits;
  }

  /** The settings JSON the driver's {@code configure} takes. */
  final String settingsJson() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("runtime", name);
    List<Path> pythonPath = options.pythonPath() == null ? List.of() : options.pythonPath();
    settings.put("pythonPath", pythonPath.stream().map(p -> p.toAbsolutePath().toString()).toList());
    return PackPayload.json(settings);
  }

  // ------------------------------------------------------------------------------------------------- loading

  private LoadResult load() {
    Set<String> loaded = new LinkedHashSet<>();
    List<LoadProblem> problems = new ArrayList<>();
    Set<String> skipped = new HashSet<>();
    while (true) {
      try {
        loadInto(loaded, problems, skipped);
        return new LoadResult(Set.copyOf(loaded), List.copyOf(problems));
      } catch (InterpreterLost lost) {
        // Pack code took the interpreter down while importing: report it, start over without that module.
        problems.add(new LoadProblem(lost.file, lost.id, lost.getMessage()));
        skipped.add(lost.id);
        loaded.clear();
        problems.removeIf(p -> !skipped.contains(p.id()));
        interpreter = newInterpreter();
      }
    }
  }

  private void loadInto(Set<String> loaded, List<LoadProblem> problems, Set<String> skipped) {
    if (payload.mentions("unittest")) {
      prepareTests();
    }
    for (GlobalModule global : payload.globals()) {
      interpreter.call("add_module", global.id(), PackPayload.globalFilename(global), global.pythonSource(), false,
          true);
    }
    for (GlobalModule global : payload.globals()) {
      if (!skipped.contains(global.id())) {
        loadStep(global.id(), file(global.pythonFile(), global.file()), problems, "load_global", global.id());
      }
    }
    for (DataModel model : payload.dataModels()) {
      if (!skipped.contains(model.id())) {
        loadStep(model.id(), file(model.pythonFile(), model.file()), problems, "load_data_model",
            PackPayload.dataModelSpec(model));
      }
    }
    for (Detection detection : payload.detections()) {
      if (!skipped.contains(detection.id()) && loadStep(detection.id(),
          file(detection.pythonFile(), detection.file()), problems, "load_detection",
          PackPayload.detectionSpec(detection))) {
        loaded.add(detection.id());
      }
    }
  }

  private boolean loadStep(String id, Path file, List<LoadProblem> problems, String function, String argument) {
    Attempt attempt = watched(function, argument);
    if (attempt.failure == null) {
      if (attempt.value == null || attempt.value.isEmpty()) {
        return true;
      }
      problems.add(new LoadProblem(file, id, attempt.value));
      return false;
    }
    String message = attempt.exceeded != null ? limits.message(attempt.exceeded, "importing it")
        : attempt.description;
    if (!interpreter.survives(attempt.failure)) {
      discardInterpreter();
      throw new InterpreterLost(file, id, message);
    }
    problems.add(new LoadProblem(file, id, message));
    return false;
  }

  private static Path file(Path pythonFile, Path yamlFile) {
    return pythonFile != null ? pythonFile : yamlFile;
  }

  /** The interpreter died while importing one module of the pack. */
  private static final class InterpreterLost extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String id;

    InterpreterLost(Path file, String id, String message) {
      super(message + " (the interpreter was restarted)", null, false, false);
      this.file = file;
      this.id = id;
    }
  }

  // ------------------------------------------------------------------------------------------------- batch

  @Override
  public List<RuleOutcome> evaluate(String eventJson, String logType, Collection<String> detectionIds) {
    requireNonNull(eventJson, "eventJson is null");
    requireNonNull(detectionIds, "detectionIds is null");
    ensureOpen();
    if (detectionIds.isEmpty()) {
      return List.of();
    }
    List<String> ids = detectionIds instanceof List<String> list ? list : new ArrayList<>(detectionIds);
    Object selection = selection(ids);
    List<RuleOutcome> outcomes = new ArrayList<>();
    int start = 0;
    while (true) {
      Attempt attempt = start == 0 ? watched("evaluate", eventJson, logType, selection)
          : watched("resume", start);
      if (attempt.failure == null) {
        if (attempt.value != null) {
          OutcomeJson.readAll(OutcomeJson.parse(attempt.value), outcomes);
        }
        return outcomes;
      }
      JsonNode partial = partial(attempt.failure);
      if (partial == null) {
        String message = describeLost(attempt);
        for (int i = start; i < ids.size(); i++) {
          outcomes.add(OutcomeJson.error(ids.get(i), message));
        }
        return outcomes;
      }
      OutcomeJson.readAll(partial.get("outcomes"), outcomes);
      int index = partial.get("index").asInt();
      if (index >= ids.size()) {
        return outcomes;
      }
      String culprit = ids.get(index);
      outcomes.add(OutcomeJson.error(culprit, describeStop(attempt, partial, culprit)));
      start = index + 1;
      if (start >= ids.size()) {
        return outcomes;
      }
    }
  }

  private Object selection(List<String> ids) {
    Object selection = selections.get(ids);
    if (selection == null) {
      ids.forEach(this::requireLoaded);
      List<String> key = List.copyOf(ids);
      selection = interpreter().callForObject("select", PackPayload.json(key));
      selections.put(key, selection);
    }
    return selection;
  }

  private void requireLoaded(String id) {
    if (!loadResult.loaded().contains(id)) {
      throw new IllegalArgumentException("Detection " + id + " is not loaded in this " + name() + " runtime ("
          + whyNotLoaded(id) + ")");
    }
  }

  private String whyNotLoaded(String id) {
    if (!detections.containsKey(id)) {
      return "not a Python rule, scheduled rule or policy of the pack";
    }
    return loadResult.problems().stream().filter(p -> id.equals(p.id())).map(LoadProblem::message).findFirst()
        .orElse("it failed to load");
  }

  // ------------------------------------------------------------------------------------------------- tests

  @Override
  public RuleOutcome runTest(String detectionId, DetectionTest test) {
    requireNonNull(detectionId, "detectionId is null");
    requireNonNull(test, "test is null");
    ensureOpen();
    requireLoaded(detectionId);
    List<List<Object>> mocks = new ArrayList<>();
    for (DetectionTest.Mock mock : test.mocks() == null ? List.<DetectionTest.Mock>of() : test.mocks()) {
      List<Object> pair = new ArrayList<>(2);
      pair.add(mock.objectName());
      pair.add(mock.returnValue());
      mocks.add(pair);
    }
    prepareTests();
    Attempt attempt = watched("run_test", detectionId, PackPayload.json(test.input()), PackPayload.json(mocks));
    if (attempt.failure == null) {
      return OutcomeJson.read(OutcomeJson.parse(attempt.value));
    }
    JsonNode partial = partial(attempt.failure);
    String message = partial == null ? describeLost(attempt) : describeStop(attempt, partial, detectionId);
    return OutcomeJson.error(detectionId, message);
  }

  /**
   * Imports {@code unittest.mock} outside the watchdog: Tarn's own import, several seconds on interpreted GraalPy, that
   * must not count against the first test or the first detection that imports {@code MagicMock}.
   */
  private void prepareTests() {
    if (!testsPrepared) {
      interpreter().call("prepare_tests");
      testsPrepared = true;
    }
  }

  // ------------------------------------------------------------------------------------------------- calls

  /**
   * The result of one watched driver call: a value, or the failure (described while its interpreter was still at
   * hand) and the limit the watchdog stopped it for.
   */
  private record Attempt(String value, RuntimeException failure, String description, CallWatchdog.Limit exceeded) {}

  private Attempt watched(String function, Object... args) {
    Interpreter target = interpreter();
    RuntimeException failure;
    CallWatchdog.Call call = watchdog.begin(limits.timeout(), limits.allocationLimitBytes(), target::stop);
    try {
      return new Attempt(target.call(function, args), null, null, null);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      call.close();
    }
    return new Attempt(null, failure, target.describe(failure), call.exceeded());
  }

  /** After a failed call: the driver's partial state, or null when the interpreter had to be discarded. */
  private JsonNode partial(RuntimeException failure) {
    if (!interpreter.survives(failure)) {
      discardInterpreter();
      return null;
    }
    Attempt attempt = watched("partial");
    if (attempt.failure != null) {
      discardInterpreter();
      return null;
    }
    return OutcomeJson.parse(attempt.value);
  }

  private String describeStop(Attempt attempt, JsonNode partial, String detectionId) {
    JsonNode function = partial.get("function");
    String what = (function == null || function.isNull() ? "rule" : function.asText()) + "() of " + detectionId;
    if (attempt.exceeded != null) {
      return limits.message(attempt.exceeded, what);
    }
    return attempt.description + " (in " + what + ")";
  }

  private String describeLost(Attempt attempt) {
    String cause = attempt.exceeded != null ? limits.message(attempt.exceeded, "the call") : attempt.description;
    return cause + "; the " + name() + " interpreter was restarted";
  }

  private Interpreter interpreter() {
    if (interpreter == null) {
      // The previous interpreter did not survive a failure: start over with the same pack.
      interpreter = newInterpreter();
      selections.clear();
      load();
    }
    return interpreter;
  }

  private void discardInterpreter() {
    Interpreter lost = interpreter;
    interpreter = null;
    testsPrepared = false;
    selections.clear();
    if (lost != null) {
      lost.close();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this " + name() + " runtime is closed");
    }
  }

  /** False once an interpreter failure forced a restart that has not happened yet; pools keep only healthy ones. */
  boolean healthy() {
    return !closed && interpreter != null;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      discardInterpreter();
    }
  }
}
