package dev.tarn.logtypes;

import dev.tarn.classify.LogType;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.LogSchemaException;
import dev.tarn.logschema.LogSchemaReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log types Tarn knows: the built-in ones shipped as resources of this module, plus (through {@link #with})
 * the user-defined ones kept in the lake.
 */
public final class LogTypeRegistry {
  private static final String BUILTIN_DIR = "logtypes/";
  /** Compiled log types per schema, per JVM: executors compile each schema once, not once per task. */
  private static final Map<LogSchema, LogType> COMPILED = new ConcurrentHashMap<>();

  private final Map<String, LogSchema> schemas;

  private LogTypeRegistry(Map<String, LogSchema> schemas) {
    // Keeps definition order: built-in files in index order, then custom types.
    this.schemas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
  }

  public static LogTypeRegistry builtin() {
    return BuiltinHolder.INSTANCE;
  }

  private static final class BuiltinHolder {
    static final LogTypeRegistry INSTANCE = new LogTypeRegistry(loadBuiltin());
  }

  private static Map<String, LogSchema> loadBuiltin() {
    Map<String, LogSchema> schemas = new LinkedHashMap<>();
    for (String line : resource("index.txt").split("\n")) {
      String file = line.trim();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      for (LogSchema schema : LogSchemaReader.readAll(resource(file), BUILTIN_DIR + file)) {
        if (schemas.put(schema.name(), schema) != null) {
          throw new LogSchemaException(BUILTIN_DIR + file + ": log type " + schema.name() + " is defined twice");
        }
      }
    }
    return schemas;
  }

  private static String resource(String name) {
    try (InputStream in = LogTypeRegistry.class.getClassLoader().getResourceAsStream(BUILTIN_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing built-in log schema resource " + BUILTIN_DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This registry plus user-defined log types (which may not reuse a built-in name). */
  public LogTypeRegistry with(Collection<LogSchema> custom) {
    Map<String, LogSchema> all = new LinkedHashMap<>(schemas);
    for (LogSchema schema : custom) {
      if (all.put(schema.name(), schema) != null) {
        throw new LogSchemaException("log type " + schema.name() + " is already defined");
      }
    }
    return new LogTypeRegistry(all);
  }

  public Optional<LogSchema> find(String name) {
    return Optional.ofNullable(schemas.get(name));
  }

  /** The schema of a log type, or an error listing the known names. */
  public LogSchema schema(String name) {
    LogSchema schema = schemas.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("Unknown log type '" + name + "' (known: "
          + String.join(", ", new java.util.TreeSet<>(schemas.keySet())) + ")");
    }
    return schema;
  }

  public Collection<LogSchema> all() {
    return schemas.values();
  }

  public LogType logType(String name) {
    return compile(schema(name));
  }

  /** Compiles a schema, once per JVM. */
  public static LogType compile(LogSchema schema) {
    return COMPILED.computeIfAbsent(schema, LogType::new);
  }
}
