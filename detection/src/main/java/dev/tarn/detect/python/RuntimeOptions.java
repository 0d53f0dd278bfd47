package dev.tarn.detect.python;

import dev.tarn.detect.kv.KvStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How detections run.
 *
 * @param callTimeout the wall-clock limit of one Python function call (Panther: 15 s); over it the call fails with a
 *     rule error and the interpreter is reset
 * @param callAllocationLimitBytes the memory bound of one call: bytes the calling thread may allocate during it
 * @param pythonPath extra directories of pure-Python packages (the {@code python.path} setting), read-only
 * @param kvStore the store behind {@code panther_detection_helpers.caching}
 * @param allowNetwork, allowFiles sandbox relaxations; both false by default
 */
public record RuntimeOptions(
    Duration callTimeout,
    long callAllocationLimitBytes,
    List<Path> pythonPath,
    KvStore kvStore,
    boolean allowNetwork,
    boolean allowFiles) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
  public static final long DEFAULT_ALLOCATION_LIMIT = 1L << 30;

  public static RuntimeOptions defaults(KvStore kvStore) {
    return new RuntimeOptions(DEFAULT_TIMEOUT, DEFAULT_ALLOCATION_LIMIT, List.of(), kvStore, false, false);
  }
}
