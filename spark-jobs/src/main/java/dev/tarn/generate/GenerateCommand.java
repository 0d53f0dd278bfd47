package dev.tarn.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tarn generate}: the command-line face of {@link LogGenerator}. */
@Command(name = "generate",
    description = "Write realistic synthetic security logs with injected attack scenarios",
    mixinStandardHelpOptions = true,
    footer = {"", "Log types: cloudtrail, vpcflow, s3access, okta, github (or AWS.CloudTrail, ...).",
        "Scenarios: console-brute-force, root-console-login, bucket-made-public, iam-user-and-key, "
            + "okta-mfa-reset, github-repo-public."})
public final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", defaultValue = "./landing", paramLabel = "DIR",
      description = "Output root; one subdirectory per log type (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Random seed; the same seed and options give identical files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--events", defaultValue = "2000", paramLabel = "N",
      description = "Events per log type, scenario events included (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--events-for", paramLabel = "TYPE=N",
      description = "Events for one log type, overriding --events (repeatable), e.g. vpcflow=100000.")
  Map<String, Long> eventsFor;

  @Option(names = "--size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Write CloudTrail up to this uncompressed size instead of an event count, e.g. 1GB.")
  Long size;

  @Option(names = "--files", defaultValue = "1", paramLabel = "N",
      description = "Files per log type; events (or bytes, with --size) are split evenly, in time order. Use "
          + "several with --cloudtrail-records and a large --size, since each object is one JSON document "
          + "(default: ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--start", defaultValue = "2024-06-03T00:00:00Z", paramLabel = "TIME",
      converter = InstantConverter.class,
      description = "Time of the first event, ISO-8601 instant or date (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Option(names = "--duration", defaultValue = "1h", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time range the events spread over, e.g. 90s, 30m, 6h, 2d or PT1H (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--rate", defaultValue = "0", paramLabel = "EVENTS_PER_SECOND",
      description = "Average events per second per log type; sets the time range from the count and overrides "
          + "--duration (default: 0 = spread over --duration).")
  double rate;

  @Option(names = "--gzip", description = "Compress files with gzip.")
  boolean gzip;

  @Option(names = "--cloudtrail-records",
      description = "Write CloudTrail as the gzip S3 objects CloudTrail delivers ({\"Records\":[...]}).")
  boolean cloudTrailRecords;

  @Option(names = "--types", split = ",", defaultValue = "all", paramLabel = "TYPE",
      description = "Log types to write, comma-separated, or all (default: ${DEFAULT-VALUE}).")
  List<String> types;

  @Option(names = "--scenarios", split = ",", defaultValue = "all", paramLabel = "SCENARIO",
      description = "Scenarios to inject, comma-separated, or all, or none (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Override
  public Integer call() {
    GeneratorOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    GenerationReport report;
    try {
      report = new LogGenerator(options).write(out);
    } catch (IOException e) {
      spec.commandLine().getErr().println("Cannot write logs under " + out + ": " + e
          + " (check that the directory is writable and the disk has space)");
      return 1;
    }
    printSummary(report, spec.commandLine().getOut());
    return 0;
  }

  GeneratorOptions options() {
    GeneratorOptions.Builder builder = GeneratorOptions.builder()
        .seed(seed)
        .types(logTypes(types))
        .eventsPerType(events)
        .filesPerType(files)
        .start(start)
        .duration(duration)
        .eventsPerSecond(rate)
        .gzip(gzip)
        .cloudTrailRecords(cloudTrailRecords)
        .scenarios(scenarios);
    if (eventsFor != null) {
      eventsFor.forEach((type, count) -> builder.events(LogType.parse(type), count));
    }
    if (size != null) {
      builder.cloudTrailBytes(size);
    }
    return builder.build();
  }

  private static Set<LogType> logTypes(List<String> names) {
    Set<LogType> selected = EnumSet.noneOf(LogType.class);
    for (String name : names) {
      if (name.trim().equalsIgnoreCase("all")) {
        selected.addAll(EnumSet.allOf(LogType.class));
      } else if (!name.isBlank()) {
        selected.add(LogType.parse(name));
      }
    }
    return selected;
  }

  static void printSummary(GenerationReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "Wrote %d files, %,d events, %s (%s uncompressed) to %s%n", report.files().size(),
        report.totalEvents(), ByteSize.format(report.bytes()), ByteSize.format(report.uncompressedBytes()),
        report.outDir());
    report.eventsPerType().forEach((type, count) -> {
      List<WrittenFile> files = report.filesOf(type);
      out.printf(Locale.ROOT, "  %-20s %,12d events %4d files %12s%n", type.pantherName(), count, files.size(),
          ByteSize.format(files.stream().mapToLong(WrittenFile::bytes).sum()));
    });
    if (report.scenarioEvents().isEmpty()) {
      out.println("No scenarios injected.");
    } else {
      out.println("Scenarios:");
      report.scenarioEvents().forEach((name, count) ->
          out.printf(Locale.ROOT, "  %-20s %,12d events%n", name, count));
    }
    out.flush();
  }

  /** Picocli converter for {@link ByteSize}. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return ByteSize.parse(value);
    }
  }

  /** An ISO-8601 instant, or a date meaning its midnight UTC. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.length() == 10
            ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Invalid start time: '" + value
            + "' (expected an ISO-8601 instant such as 2024-06-03T00:00:00Z, or a date such as 2024-06-03)");
      }
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d}, combinations like {@code 1h30m}, or ISO-8601 {@code PT1H}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      if (text.startsWith("p")) {
        try {
          return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          throw invalid(value);
        }
      }
      Matcher matcher = PART.matcher(text);
      Duration total = Duration.ZERO;
      int end = 0;
      while (matcher.find() && matcher.start() == end) {
        long amount = Long.parseLong(matcher.group(1));
        total = total.plus(switch (matcher.group(2)) {
          case "d" -> Duration.ofDays(amount);
          case "h" -> Duration.ofHours(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofSeconds(amount);
        });
        end = matcher.end();
      }
      if (end == 0 || end != text.length()) {
        throw invalid(value);
      }
      return total;
    }

    private static IllegalArgumentException invalid(String value) {
      return new IllegalArgumentException("Invalid duration: '" + value
          + "' (expected e.g. 90s, 30m, 6h, 2d, 1h30m or PT1H)");
    }
  }
}
