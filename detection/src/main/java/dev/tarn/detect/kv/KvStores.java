package dev.tarn.detect.kv;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;

/** Opens the {@link KvStore} a {@link KvConfig} describes. */
public final class KvStores {

  private KvStores() {}

  public static KvStore open(KvConfig config) {
    return open(config, Clock.systemUTC());
  }

  /** Opens the store with {@code clock} as "now" for expiries (tests move it). */
  public static KvStore open(KvConfig config, Clock clock) {
    requireNonNull(config, "config is null");
    requireNonNull(clock, "clock is null");
    return switch (config.kind()) {
      case EMBEDDED -> EmbeddedKvStore.open(Path.of(config.path()), clock);
      case DYNAMODB -> DynamoDbKvStore.open(config, clock);
    };
  }
}
