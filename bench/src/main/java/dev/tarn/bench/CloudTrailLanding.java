package dev.tarn.bench;

import static java.util.Objects.requireNonNull;

import dev.tarn.generate.ByteSize;
import dev.tarn.generate.GenerationReport;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.LogType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The benchmark's input: gzipped CloudTrail JSON lines written by Tarn's generator, seeded, so every run (and every
 * machine) reads the same bytes. A small properties file next to the data records what was generated; it is written
 * last, so data whose generation was interrupted is never reused.
 *
 * @param directory the landing directory holding the files (the generator's {@code aws_cloudtrail/})
 * @param files how many files
 * @param events how many events (one per line)
 * @param bytes size on disk (gzipped)
 * @param uncompressedBytes size of the JSON text
 * @param reused whether an earlier run's data was kept instead of generating it
 */
record CloudTrailLanding(Path directory, int files, long events, long bytes, long uncompressedBytes,
    boolean reused) {
  /** Events spread over three days, so the tables get a few date partitions, as a real backlog would. */
  private static final Duration SPAN = Duration.ofDays(3);
  private static final String MANIFEST = "generated.properties";

  CloudTrailLanding {
    requireNonNull(directory, "directory is null");
  }

  /**
   * Generates the data under {@code root}, or with {@code reuse} keeps what an earlier run generated there with the
   * same size, file count and seed.
   */
  static CloudTrailLanding prepare(Path root, long size, int files, long seed, boolean reuse) throws IOException {
    Path manifest = root.resolve(MANIFEST);
    Path directory = root.resolve("landing").resolve(LogType.CLOUDTRAIL.directory()).toAbsolutePath();
    Properties wanted = new Properties();
    wanted.setProperty("size", Long.toString(size));
    wanted.setProperty("files", Integer.toString(files));
    wanted.setProperty("seed", Long.toString(seed));
    if (reuse && Files.exists(manifest)) {
      Properties found = new Properties();
      try (InputStream in = Files.newInputStream(manifest)) {
        found.load(in);
      }
      if (wanted.keySet().stream().allMatch(k -> wanted.get(k).equals(found.get(k)))) {
        return new CloudTrailLanding(directory, Integer.parseInt(found.getProperty("files")),
            Long.parseLong(found.getProperty("events")), Long.parseLong(found.getProperty("bytes")),
            Long.parseLong(found.getProperty("uncompressedBytes")), true);
      }
      System.out.printf(Locale.ROOT, "data under %s was generated with %s, not %s: generating again%n", root,
          found, wanted);
    }
    Directories.delete(root);
    GenerationReport report = new LogGenerator(GeneratorOptions.builder()
        .seed(seed)
        .types(LogType.CLOUDTRAIL)
        .cloudTrailBytes(size)
        .filesPerType(files)
        .duration(SPAN)
        .gzip(true)
        .build()).write(root.resolve("landing"));
    CloudTrailLanding landing = new CloudTrailLanding(directory, report.files().size(), report.totalEvents(),
        report.bytes(), report.uncompressedBytes(), false);
    wanted.setProperty("events", Long.toString(landing.events()));
    wanted.setProperty("bytes", Long.toString(landing.bytes()));
    wanted.setProperty("uncompressedBytes", Long.toString(landing.uncompressedBytes()));
    try (OutputStream out = Files.newOutputStream(manifest)) {
      wanted.store(out, "written by " + IngestBenchmark.class.getName() + " after the data was complete");
    }
    return landing;
  }

  String describe() {
    return String.format(Locale.ROOT, "%,d events in %d gzip files, %s (%s uncompressed) in %s", events, files,
        ByteSize.format(bytes), ByteSize.format(uncompressedBytes), directory);
  }
}
