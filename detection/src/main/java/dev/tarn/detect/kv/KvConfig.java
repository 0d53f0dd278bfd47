package dev.tarn.detect.kv;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which KV store to open. Plain strings, so the config maps one to one onto {@code tarn.yaml} keys and flags and can
 * be shipped to Spark executors.
 *
 * @param kind embedded (one machine) or dynamodb (clusters)
 * @param path embedded: the MVStore file, e.g. {@link #defaultPath}; unused for dynamodb
 * @param table dynamodb: the table name; null means {@value PantherKvTable#DEFAULT_NAME}
 * @param region dynamodb: the AWS region; null means the SDK's default region chain (AWS_REGION, profile, ...)
 * @param endpoint dynamodb: an endpoint override such as {@code http://127.0.0.1:8000}; null for AWS's endpoint
 * @param createTableIfMissing dynamodb: create the table (on-demand, TTL on expiresAt) when it does not exist; for
 *     local use, production tables belong to infrastructure code
 */
public record KvConfig(
    Kind kind, String path, String table, String region, String endpoint, boolean createTableIfMissing)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  public enum Kind {
    EMBEDDED,
    DYNAMODB;

    /** Parses {@code embedded} or {@code dynamodb}, case-insensitively. */
    public static Kind parse(String text) {
      requireNonNull(text, "kind is null");
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid KV store kind: '" + text + "' (expected one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")",
            e);
      }
    }
  }

  public KvConfig {
    requireNonNull(kind, "kind is null");
    if (kind == Kind.EMBEDDED && (path == null || path.isBlank())) {
      throw new IllegalArgumentException(
          "Invalid KV config: the embedded store needs a path (the MVStore file, e.g. <lake>/_kv/kv.mv.db)");
    }
    if (table == null || table.isBlank()) {
      table = PantherKvTable.DEFAULT_NAME;
    }
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "Invalid KV table name: '" + table + "' (DynamoDB table names are 3 to 255 characters of a-z, A-Z, 0-9,"
              + " '_', '-' and '.')");
    }
  }

  /** The embedded store in {@code file}. */
  public static KvConfig embedded(Path file) {
    return new KvConfig(Kind.EMBEDDED, requireNonNull(file, "file is null").toString(), null, null, null, false);
  }

  /** The embedded store's file under a lake root: {@code <lake>/_kv/kv.mv.db}. */
  public static Path defaultPath(Path lakeRoot) {
    return requireNonNull(lakeRoot, "lakeRoot is null").resolve("_kv").resolve("kv.mv.db");
  }

  /** Panther's table {@value PantherKvTable#DEFAULT_NAME} in {@code region} (null: the SDK's default region). */
  public static KvConfig dynamoDb(String region) {
    return new KvConfig(Kind.DYNAMODB, null, null, region, null, false);
  }

  public KvConfig withTable(String value) {
    return new KvConfig(kind, path, value, region, endpoint, createTableIfMissing);
  }

  public KvConfig withEndpoint(String value) {
    return new KvConfig(kind, path, table, region, value, createTableIfMissing);
  }

  public KvConfig withCreateTableIfMissing(boolean value) {
    return new KvConfig(kind, path, table, region, endpoint, value);
  }
}
