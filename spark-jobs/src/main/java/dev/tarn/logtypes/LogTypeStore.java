package dev.tarn.logtypes;

import static java.util.Objects.requireNonNull;

import dev.tarn.classify.LogType;
import dev.tarn.config.SourceConfig;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.LogSchemaException;
import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.logschema.SchemaCompatibility;
import dev.tarn.logtypes.LogTypeStoreException.Code;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * User-defined log types ({@code Custom.<Name>}), kept under the lake root so every job sees the same set:
 * {@code _logtypes/<Name>/<revision>.yml}, one file per revision, never rewritten. A new revision is created with
 * an exclusive create, so of two concurrent updates quoting the same revision only one succeeds (Panther's
 * RevisionConflict). Deleting writes a {@code deleted} marker; the revisions stay for the record.
 */
public final class LogTypeStore {
  private static final Pattern REVISION_FILE = Pattern.compile("^(\\d{6})\\.yml$");
  private static final String DELETED = "deleted";

  private final Path root;
  private final FileSystem fs;

  public LogTypeStore(String lakeRoot, Configuration hadoop) {
    this.root = new Path(requireNonNull(lakeRoot, "lakeRoot is null") + "/_logtypes");
    try {
      this.fs = root.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the lake at " + lakeRoot, e);
    }
  }

  /** One revision of a custom log type. */
  public record Revision(String name, int revision, LogSchema schema, String yaml) {}

  /** The current revision of every custom log type that is not deleted. */
  public List<Revision> list() {
    List<Revision> all = new ArrayList<>();
    try {
      if (!fs.exists(root)) {
        return all;
      }
      for (FileStatus dir : fs.listStatus(root)) {
        if (dir.isDirectory()) {
          get(dir.getPath().getName()).ifPresent(all::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list custom log types under " + root, e);
    }
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  public Optional<Revision> get(String name) {
    try {
      Path dir = new Path(root, name);
      if (!fs.exists(dir) || fs.exists(new Path(dir, DELETED))) {
        return Optional.empty();
      }
      int latest = latestRevision(dir);
      if (latest == 0) {
        return Optional.empty();
      }
      String yaml = read(new Path(dir, file(latest)));
      return Optional.of(new Revision(name, latest, LogSchemaReader.read(yaml, dir + "/" + file(latest)), yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read custom log type " + name, e);
    }
  }

  /** Built-in log types plus the current custom ones. */
  public LogTypeRegistry registry() {
    return LogTypeRegistry.builtin().with(list().stream().map(Revision::schema).toList());
  }

  /** Adds a new custom log type as revision 1. */
  public Revision add(String yaml, String source) {
    LogSchema schema = validate(yaml, source);
    if (get(schema.name()).isPresent()) {
      throw new LogTypeStoreException(Code.ALREADY_EXISTS, schema.name()
          + " already exists; change it with `tarn logtypes update` quoting its current revision");
    }
    Path dir = new Path(root, schema.name());
    try {
      int revision = fs.exists(dir) ? latestRevision(dir) + 1 : 1;
      fs.delete(new Path(dir, DELETED), false);
      return write(schema, yaml, revision);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add " + schema.name(), e);
    }
  }

  /**
   * Replaces the current revision of a custom log type with a compatible schema (fields added, none removed or
   * re-typed). {@code expectedRevision} must be the current one.
   */
  public Revision update(String yaml, String source, int expectedRevision) {
    LogSchema schema = validate(yaml, source);
    Revision current = get(schema.name()).orElseThrow(() -> new LogTypeStoreException(Code.NOT_FOUND,
        schema.name() + " does not exist; create it with `tarn logtypes add`"));
    if (current.revision() != expectedRevision) {
      throw new LogTypeStoreException(Code.REVISION_CONFLICT, schema.name() + " is at revision "
          + current.revision() + ", not " + expectedRevision + " (someone changed it since you read it; "
          + "look at `tarn logtypes show " + schema.name() + "` and retry)");
    }
    List<String> problems = SchemaCompatibility.problems(current.schema(), schema);
    if (!problems.isEmpty()) {
      throw new LogTypeStoreException(Code.INVALID_UPDATE, "cannot update " + schema.name() + ": "
          + String.join("; ", problems) + ". Add a new log type instead if the format really changed.");
    }
    try {
      return write(schema, yaml, current.revision() + 1);
    } catch (FileAlreadyExistsException e) {
      throw new LogTypeStoreException(Code.REVISION_CONFLICT, schema.name() + " was updated concurrently to revision "
          + (current.revision() + 1) + "; look at it and retry");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot update " + schema.name(), e);
    }
  }

  /** Deletes a custom log type, unless a source still lists it. */
  public void delete(String name, List<SourceConfig> sources) {
    if (get(name).isEmpty()) {
      throw new LogTypeStoreException(Code.NOT_FOUND, name + " is not a custom log type");
    }
    List<String> users = sources.stream().filter(s -> s.logTypes().contains(name)
        || s.prefixLogTypes().values().stream().anyMatch(types -> types.contains(name))).map(SourceConfig::id).toList();
    if (!users.isEmpty()) {
      throw new LogTypeStoreException(Code.IN_USE, name + " is used by source(s) " + users
          + "; remove it from their logTypes first");
    }
    try (OutputStream out = fs.create(new Path(new Path(root, name), DELETED), true)) {
      out.write(String.valueOf(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + name, e);
    }
  }

  private LogSchema validate(String yaml, String source) {
    LogSchema schema;
    try {
      schema = LogSchemaReader.read(yaml, source);
      new LogType(schema);
    } catch (LogSchemaException | IllegalArgumentException e) {
      throw new LogTypeStoreException(Code.INVALID_LOG_SCHEMA, e.getMessage());
    }
    if (!schema.name().startsWith("Custom.")) {
      throw new LogTypeStoreException(Code.INVALID_LOG_SCHEMA, source + ": custom log types are named Custom.<Name>"
          + " (found '" + schema.name() + "'); rename it, e.g. schema: Custom." + schema.name().replace(".", ""));
    }
    return schema;
  }

  private Revision write(LogSchema schema, String yaml, int revision) throws IOException {
    Path file = new Path(new Path(root, schema.name()), file(revision));
    try (OutputStream out = fs.create(file, false)) {
      out.write(yaml.getBytes(StandardCharsets.UTF_8));
    }
    return new Revision(schema.name(), revision, schema, yaml);
  }

  private int latestRevision(Path dir) throws IOException {
    int latest = 0;
    try {
      for (FileStatus f : fs.listStatus(dir)) {
        Matcher m = REVISION_FILE.matcher(f.getPath().getName());
        if (m.matches()) {
          latest = Math.max(latest, Integer.parseInt(m.group(1)));
        }
      }
    } catch (FileNotFoundException e) {
      return 0;
    }
    return latest;
  }

  private String read(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String file(int revision) {
    return String.format("%06d.yml", revision);
  }
}
