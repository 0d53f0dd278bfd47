package dev.tarn.bench;

import static java.util.Objects.requireNonNull;

import dev.tarn.generate.GenerationReport;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.WrittenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The classify benchmark's input: every log type the generator writes (CloudTrail, Okta and GitHub audit JSON lines,
 * S3 server access lines, VPC flow lines with their header), split into many files of one type each and held in
 * memory in a seeded, shuffled order, as files of one source arrive. Blank lines are dropped, as ingest skips them.
 */
record MixedLogFiles(List<LogFile> files) {

  /** One file: the Panther name of the type it holds and its non-blank lines, stripped as ingest strips them. */
  record LogFile(String path, String logType, List<String> lines) {
    LogFile {
      requireNonNull(path, "path is null");
      requireNonNull(logType, "logType is null");
      lines = List.copyOf(lines);
    }
  }

  MixedLogFiles {
    files = List.copyOf(files);
  }

  /** Generates {@code linesPerType} events of each type into {@code dir} (replacing it) and reads them back. */
  static MixedLogFiles generate(Path dir, long linesPerType, int filesPerType, long seed) throws IOException {
    Directories.delete(dir);
    GenerationReport report = new LogGenerator(GeneratorOptions.builder()
        .seed(seed)
        .eventsPerType(linesPerType)
        .filesPerType(filesPerType)
        .gzip(false)
        .build()).write(dir);
    List<LogFile> files = new ArrayList<>();
    for (WrittenFile written : report.files()) {
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(written.path(), StandardCharsets.UTF_8)) {
        String record = line.strip();
        if (!record.isEmpty()) {
          lines.add(record);
        }
      }
      files.add(new LogFile(written.path().toString(), written.type().pantherName(), lines));
    }
    Collections.shuffle(files, new Random(seed));
    return new MixedLogFiles(files);
  }

  long lines() {
    return files.stream().mapToLong(f -> f.lines().size()).sum();
  }

  List<String> logTypes() {
    return files.stream().map(LogFile::logType).distinct().sorted().toList();
  }

  String describe() {
    StringBuilder perType = new StringBuilder();
    for (String type : logTypes()) {
      List<LogFile> ofType = files.stream().filter(f -> f.logType().equals(type)).toList();
      perType.append(String.format(Locale.ROOT, "%s%s %d files/%,d lines", perType.length() == 0 ? "" : ", ", type,
          ofType.size(), ofType.stream().mapToLong(f -> f.lines().size()).sum()));
    }
    return String.format(Locale.ROOT, "%d files, %,d lines, shuffled (%s)", files.size(), lines(), perType);
  }
}
