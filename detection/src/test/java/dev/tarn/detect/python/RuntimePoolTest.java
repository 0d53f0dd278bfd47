package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.detect.pack.DetectionPack;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Warm runtimes are handed out again for the same pack and options (Jython: cheap to start). */
class RuntimePoolTest {

  /** A rule whose title counts the events its module saw: the same count twice means the same interpreter. */
  private static final DetectionPack PACK = pack(rule("Pool.Counter", py("SEEN = [0]", "def rule(event):",
      "    SEEN[0] += 1", "    return True", "def title(event):", "    return str(SEEN[0])")));

  private final RuntimePool pool = new RuntimePool(4);
  private final RuntimeOptions options = RuntimeOptions.defaults(new ScratchKvStore());

  @AfterEach
  void close() {
    pool.close();
  }

  private static String count(RuleRuntime runtime) {
    return runtime.evaluate("{}", null, List.of("Pool.Counter")).get(0).title();
  }

  @Test
  void aReturnedRuntimeIsReusedForTheSamePackAndOptions() {
    try (RuleRuntime first = pool.borrow("jython", PACK, options)) {
      assertThat(count(first)).isEqualTo("1");
    }
    try (RuleRuntime second = pool.borrow("JYTHON", PACK, options)) {
      assertThat(count(second)).isEqualTo("2");
    }
  }

  @Test
  void runtimesInUseAreNotSharedBetweenBorrowers() {
    try (RuleRuntime first = pool.borrow("jython", PACK, options);
        RuleRuntime second = pool.borrow("jython", PACK, options)) {
      assertThat(count(first)).isEqualTo("1");
      assertThat(count(second)).isEqualTo("1");
    }
    assertThat(pool.idleCount()).isEqualTo(2);
  }

  @Test
  void differentOptionsGetADifferentRuntime() {
    try (RuleRuntime first = pool.borrow("jython", PACK, options)) {
      count(first);
    }
    try (RuleRuntime other = pool.borrow("jython", PACK, RuntimeOptions.defaults(new ScratchKvStore()))) {
      assertThat(count(other)).isEqualTo("1");
    }
  }

  @Test
  void aClosedLeaseCannotBeUsed() {
    RuleRuntime lease = pool.borrow("jython", PACK, options);
    lease.close();
    assertThatThrownBy(() -> count(lease)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned to its pool");
  }

  @Test
  void idleRuntimesBeyondTheLimitAreClosed() {
    RuntimePool small = new RuntimePool(1);
    RuleRuntime first = small.borrow("jython", PACK, options);
    RuleRuntime second = small.borrow("jython", PACK, options);
    first.close();
    second.close();
    assertThat(small.idleCount()).isEqualTo(1);
    small.close();
  }

  @Test
  void anUnknownRuntimeNameIsRejected() {
    assertThatThrownBy(() -> pool.borrow("cpython", PACK, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown python.runtime: cpython (expected graalpy or jython)");
  }
}
