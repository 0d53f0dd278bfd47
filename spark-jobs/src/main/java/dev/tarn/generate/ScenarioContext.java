package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/** What a scenario needs to place its events: a seeded source of its own and each log type's time window. */
public final class ScenarioContext {
  private final SplittableRandom random;
  private final Map<LogType, TimeWindow> windows;

  ScenarioContext(SplittableRandom random, Map<LogType, TimeWindow> windows) {
    this.random = requireNonNull(random, "random is null");
    this.windows = new EnumMap<>(requireNonNull(windows, "windows is null"));
  }

  SplittableRandom random() {
    return random;
  }

  /** A random instant in the middle part of the type's window, where the scenario's first event goes. */
  Instant anchor(LogType type) {
    TimeWindow window = windows.get(type);
    if (window == null) {
      throw new IllegalArgumentException("No time window for log type " + type.pantherName());
    }
    return window.at(0.1 + 0.7 * random.nextDouble());
  }

  /** {@code time} plus a random whole number of seconds in [min, max]. */
  Instant after(Instant time, int minSeconds, int maxSeconds) {
    return time.plus(Duration.ofSeconds(minSeconds + random.nextInt(maxSeconds - minSeconds + 1)))
        .plusMillis(random.nextInt(1000));
  }
}
