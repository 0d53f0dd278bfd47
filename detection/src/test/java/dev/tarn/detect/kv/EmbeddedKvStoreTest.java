package dev.tarn.detect.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKvStoreTest extends KvStoreContractTest {

  @TempDir Path dir;

  private Path file() {
    return KvConfig.defaultPath(dir.resolve("lake"));
  }

  @Override
  protected KvStore openStore(Clock clock) {
    return EmbeddedKvStore.open(file(), clock);
  }

  @Test
  void createsTheFileUnderTheLakeRoot() {
    store.incrementCounter("hits", 1);
    store.close();

    assertThat(file()).isEqualTo(dir.resolve("lake/_kv/kv.mv.db"));
    assertThat(Files.isRegularFile(file())).isTrue();
  }

  @Test
  void valuesSurviveReopening() {
    store.putStringSet("ips", Set.of("10.0.0.1"), null);
    store.incrementCounter("hits", 4);
    store.close();

    try (EmbeddedKvStore reopened = EmbeddedKvStore.open(file(), clock)) {
      assertThat(reopened.getStringSet("ips")).containsExactly("10.0.0.1");
      assertThat(reopened.getCounter("hits")).isEqualTo(4);
    }
  }

  @Test
  void purgeExpiredRemovesOnlyExpiredItems() {
    store.putStringSet("short", Set.of("a"), 60L);
    store.putStringSet("long", Set.of("b"), 600L);
    clock.advanceSeconds(60);

    assertThat(((EmbeddedKvStore) store).purgeExpired()).isEqualTo(1);
    assertThat(store.getStringSet("long")).containsExactly("b");
  }

  @Test
  void openingPurgesExpiredItems() {
    store.putStringSet("short", Set.of("a"), 60L);
    store.close();
    clock.advanceSeconds(60);

    try (EmbeddedKvStore reopened = EmbeddedKvStore.open(file(), clock)) {
      assertThat(reopened.purgeExpired()).isZero();
    }
  }

  @Test
  void aSecondOpenOfTheSameFileFailsAndSaysWhy() {
    assertThatThrownBy(() -> EmbeddedKvStore.open(file(), clock))
        .isInstanceOf(KvStoreException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("already open");
  }

  @Test
  void closingTwiceIsHarmless() {
    store.close();
    store.close();

    try (EmbeddedKvStore reopened = EmbeddedKvStore.open(file(), clock)) {
      assertThat(reopened.getCounter("hits")).isZero();
    }
  }
}
