package dev.tarn.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed and a label, so each log type and scenario draws from its
 * own stream: choosing fewer types or scenarios does not change what the others write.
 */
record SeedSource(long seed) {

  SplittableRandom forLabel(String label) {
    // FNV-1a over the label's bytes: stable across JVMs, unlike an identity hash.
    long hash = 0xcbf29ce484222325L;
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return new SplittableRandom(new SplittableRandom(seed ^ hash).nextLong());
  }
}
