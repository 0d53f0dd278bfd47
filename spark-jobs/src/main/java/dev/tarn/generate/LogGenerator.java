package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes synthetic security logs with injected attack scenarios: one directory per log type under the
 * output root ({@code aws_cloudtrail/}, {@code aws_vpcflow/}, ...), events in time order within and across a
 * type's files. Background events and scenario events are merged by time as they are written, so memory use
 * does not grow with the output size.
 *
 * <pre>{@code
 * GenerationReport report = new LogGenerator(GeneratorOptions.builder().seed(7).gzip(true).build())
 *     .write(Path.of("landing"));
 * }</pre>
 */
public final class LogGenerator {
  private final GeneratorOptions options;

  public LogGenerator(GeneratorOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  public GenerationReport write(Path outDir) throws IOException {
    requireNonNull(outDir, "outDir is null");
    SeedSource seeds = new SeedSource(options.seed());
    Map<LogType, LogWriter> writers = new EnumMap<>(LogType.class);
    Map<LogType, TimeWindow> windows = new EnumMap<>(LogType.class);
    for (LogType type : LogType.values()) {
      LogWriter writer = writer(type, seeds);
      writers.put(type, writer);
      windows.put(type, new TimeWindow(options.start(), span(type, writer)));
    }

    Map<String, Long> scenarioEvents = new LinkedHashMap<>();
    Map<LogType, List<LogEvent>> injected = new EnumMap<>(LogType.class);
    for (String name : options.scenarios()) {
      Scenario scenario = Scenarios.named(name);
      long count = 0;
      for (InjectedEvent event : scenario.events(new ScenarioContext(seeds.forLabel("scenario:" + name), windows))) {
        if (options.types().contains(event.type())) {
          injected.computeIfAbsent(event.type(), t -> new ArrayList<>()).add(event.event());
          count++;
        }
      }
      scenarioEvents.put(name, count);
    }

    List<WrittenFile> files = new ArrayList<>();
    Map<LogType, Long> eventsPerType = new EnumMap<>(LogType.class);
    for (LogType type : options.types()) {
      List<LogEvent> scenarioLog = new ArrayList<>(injected.getOrDefault(type, List.of()));
      scenarioLog.sort(Comparator.comparing(LogEvent::time)); // stable: ties keep scenario order
      List<WrittenFile> written = writeType(outDir, writers.get(type), windows.get(type), scenarioLog, seeds);
      files.addAll(written);
      eventsPerType.put(type, written.stream().mapToLong(WrittenFile::events).sum());
    }
    return new GenerationReport(outDir, files, eventsPerType, scenarioEvents);
  }

  private List<WrittenFile> writeType(Path outDir, LogWriter writer, TimeWindow window, List<LogEvent> scenarioLog,
      SeedSource seeds) throws IOException {
    LogType type = writer.type();
    boolean bySize = options.sizedInBytes(type);
    long background = bySize ? Long.MAX_VALUE : Math.max(0, options.eventsFor(type) - scenarioLog.size());
    long planned = bySize ? plannedEvents(type, writer) : Math.max(1, background);
    long spacing = options.eventsPerSecond() > 0
        ? Math.max(1, Math.round(1e9 / options.eventsPerSecond()))
        : Math.max(1, window.span().toNanos() / planned);
    Timeline timeline = new Timeline(window.start(), spacing, seeds.forLabel("timeline:" + type.directory()));
    FileSplit split = bySize
        ? new FileSplit.ByBytes(options.cloudTrailBytes(), options.filesPerType())
        : new FileSplit.ByEvents(background + scenarioLog.size(), options.filesPerType());

    LogFileSet files = new LogFileSet(outDir.resolve(type.directory()), writer, split);
    try (files) {
      int next = 0;
      for (long i = 0; i < background; i++) {
        if (bySize && files.uncompressedBytes() >= options.cloudTrailBytes()) {
          break;
        }
        var time = timeline.next();
        while (next < scenarioLog.size() && !scenarioLog.get(next).time().isAfter(time)) {
          files.write(scenarioLog.get(next++));
        }
        files.write(writer.background(time));
      }
      while (next < scenarioLog.size()) {
        files.write(scenarioLog.get(next++));
      }
    }
    return files.files();
  }

  /** The time range a type's events cover: the duration, or (with a rate) as long as the events take. */
  private Duration span(LogType type, LogWriter writer) {
    if (options.eventsPerSecond() <= 0) {
      return options.duration();
    }
    long nanos = Math.round(plannedEvents(type, writer) * 1e9 / options.eventsPerSecond());
    return Duration.ofNanos(Math.max(1_000_000_000L, nanos));
  }

  /** How many events a type is expected to have; estimated from the typical event size for a byte target. */
  private long plannedEvents(LogType type, LogWriter writer) {
    return options.sizedInBytes(type)
        ? Math.max(1, options.cloudTrailBytes() / writer.typicalEventBytes())
        : options.eventsFor(type);
  }

  private LogWriter writer(LogType type, SeedSource seeds) {
    var events = seeds.forLabel("events:" + type.directory());
    var names = seeds.forLabel("names:" + type.directory());
    return switch (type) {
      case CLOUDTRAIL -> new CloudTrailWriter(events, names, options.cloudTrailRecords(), options.gzip());
      case VPC_FLOW -> new VpcFlowWriter(events, names, options.gzip());
      case S3_SERVER_ACCESS -> new S3ServerAccessWriter(events, names, options.gzip());
      case OKTA_SYSTEM_LOG -> new OktaSystemLogWriter(events, options.gzip());
      case GITHUB_AUDIT -> new GitHubAuditWriter(events, options.gzip());
    };
  }
}
