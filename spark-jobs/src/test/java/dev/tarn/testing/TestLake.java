package dev.tarn.testing;

import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM, with its lake (and embedded metastore) in a fresh directory under
 * target/. Tests that need isolation use their own databases' tables or their own sources.
 */
public final class TestLake {
  private static final Path ROOT = createRoot();
  private static final Lake LAKE = new Lake(ROOT.resolve("lake").toString());
  private static SparkSession spark;

  private TestLake() {}

  private static Path createRoot() {
    try {
      Path target = Path.of("target").toAbsolutePath();
      Files.createDirectories(target);
      return Files.createTempDirectory(target, "test-lake-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized SparkSession spark() {
    if (spark == null) {
      System.setProperty("spark.sql.shuffle.partitions", "2");
      spark = TarnSpark.session(LAKE, "tarn-tests");
    }
    return spark;
  }

  public static Lake lake() {
    return LAKE;
  }

  /** A new empty directory for a test's landing files. */
  public static Path newDirectory(String name) {
    try {
      return Files.createTempDirectory(ROOT, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
