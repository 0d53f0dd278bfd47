package dev.tarn.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads what the generator wrote, gzip or not, for assertions. */
final class GeneratedFiles {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private GeneratedFiles() {}

  static List<String> lines(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every JSON event of a log type's files, in file order (CloudTrail Records objects are unpacked). */
  static List<JsonNode> events(GenerationReport report, LogType type) {
    List<JsonNode> events = new ArrayList<>();
    for (WrittenFile file : report.filesOf(type)) {
      for (String line : lines(file.path())) {
        JsonNode node = parse(line);
        if (node.has("Records")) {
          node.get("Records").forEach(events::add);
        } else {
          events.add(node);
        }
      }
    }
    return events;
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under {@code root}, as paths relative to it, sorted. */
  static List<Path> tree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
