package dev.tarn.detect.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KvStore} does, following panther_detection_helpers.caching. Subclasses open a real store. */
abstract class KvStoreContractTest {

  // In the real future: DynamoDB Local deletes items whose TTL passed in real time, which would race the tests.
  static final Instant START = Instant.parse("2100-01-01T00:00:00Z");
  static final long NINETY_DAYS = Duration.ofDays(90).toSeconds();

  protected final SettableClock clock = new SettableClock(START);
  protected KvStore store;

  /** A fresh, empty store whose "now" is {@code clock}. */
  protected abstract KvStore openStore(Clock clock) throws Exception;

  @BeforeEach
  void openTheStore() throws Exception {
    store = openStore(clock);
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  /** The {@code ips} set reads as {@code values} until {@code seconds} from now, and as empty from then on. */
  private void assertIpsExpireAfter(long seconds, String... values) {
    clock.advanceSeconds(seconds - 1);
    assertThat(store.getStringSet("ips")).containsExactlyInAnyOrder(values);
    clock.advanceSeconds(1);
    assertThat(store.getStringSet("ips")).isEmpty();
  }

  @Test
  void absentKeysReadAsEmptyValues() {
    assertThat(store.getStringSet("nothing")).isEmpty();
    assertThat(store.getDictionary("nothing")).isEmpty();
    assertThat(store.getCounter("nothing")).isZero();
  }

  @Test
  void epochSecondsBelowOneBillionCountFromNow() {
    store.putStringSet("ips", Set.of("10.0.0.1"), 3600L);

    assertIpsExpireAfter(3600, "10.0.0.1");
  }

  @Test
  void epochSecondsJustBelowOneBillionAreStillRelative() {
    store.putStringSet("ips", Set.of("10.0.0.1"), 999_999_999L);

    clock.advance(Duration.ofDays(365));
    assertThat(store.getStringSet("ips")).containsExactly("10.0.0.1");
  }

  @Test
  void epochSecondsFromOneBillionAreAUnixTime() {
    long at = START.getEpochSecond() + 7200;
    store.putStringSet("ips", Set.of("10.0.0.1"), at);

    assertIpsExpireAfter(7200, "10.0.0.1");
  }

  @Test
  void aUnixTimeInThePastStoresAnAlreadyExpiredItem() {
    store.putDictionary("user", Map.of("a", 1), START.getEpochSecond() - 1);

    assertThat(store.getDictionary("user")).isEmpty();
  }

  @Test
  void noExpiryMeansNinetyDays() {
    store.putStringSet("ips", Set.of("10.0.0.1"), null);

    assertIpsExpireAfter(NINETY_DAYS, "10.0.0.1");
  }

  @Test
  void setExpirationMovesTheExpiryOfALiveKey() {
    store.putStringSet("ips", Set.of("10.0.0.1"), 60L);
    store.setExpiration("ips", 600L);

    assertIpsExpireAfter(600, "10.0.0.1");
  }

  @Test
  void setExpirationDoesNotReviveAnExpiredKey() {
    store.putStringSet("ips", Set.of("10.0.0.1"), 60L);
    clock.advanceSeconds(60);

    store.setExpiration("ips", 600L);

    assertThat(store.getStringSet("ips")).isEmpty();
  }

  @Test
  void putStringSetReplacesTheSet() {
    store.putStringSet("ips", Set.of("a", "b"), null);
    store.putStringSet("ips", Set.of("c"), null);

    assertThat(store.getStringSet("ips")).containsExactly("c");
  }

  @Test
  void putStringSetReplacesTheWholeItemAsPantherDoes() {
    store.incrementCounter("user", 3);
    store.putStringSet("user", Set.of("a"), null);

    assertThat(store.getCounter("user")).isZero();
  }

  @Test
  void puttingAnEmptyStringSetClearsOnlyTheSet() {
    store.addToStringSet("user", Set.of("a"));
    store.incrementCounter("user", 3);

    store.putStringSet("user", Set.of(), null);

    assertThat(store.getStringSet("user")).isEmpty();
    assertThat(store.getCounter("user")).isEqualTo(3);
  }

  @Test
  void stringSetsKeepUnicodeAndPunctuation() {
    Set<String> values = Set.of("ünïcødé", "日本", "a b,c\"d", "emoji 🙂");
    store.putStringSet("odd", values, null);

    assertThat(store.getStringSet("odd")).isEqualTo(values);
  }

  @Test
  void addToStringSetReturnsTheUnion() {
    store.putStringSet("ips", Set.of("a"), null);

    assertThat(store.addToStringSet("ips", Set.of("b", "c"), Expiry.defaultTtl())).containsOnly("a", "b", "c");
    assertThat(store.getStringSet("ips")).containsOnly("a", "b", "c");
  }

  @Test
  void addToStringSetCreatesAMissingSet() {
    store.addToStringSet("ips", Set.of("a"));

    assertThat(store.getStringSet("ips")).containsExactly("a");
  }

  @Test
  void addingNothingReturnsTheCurrentSet() {
    store.putStringSet("ips", Set.of("a"), null);

    assertThat(store.addToStringSet("ips", Set.of(), Expiry.defaultTtl())).containsExactly("a");
  }

  @Test
  void addToStringSetResetsTheExpiryToNinetyDaysByDefault() {
    store.putStringSet("ips", Set.of("a"), 60L);
    store.addToStringSet("ips", Set.of("b"));

    assertIpsExpireAfter(NINETY_DAYS, "a", "b");
  }

  @Test
  void addToStringSetWithKeepLeavesTheExpiry() {
    store.putStringSet("ips", Set.of("a"), 60L);
    store.addToStringSet("ips", Set.of("b"), Expiry.keep());

    clock.advanceSeconds(60);
    assertThat(store.getStringSet("ips")).isEmpty();
  }

  @Test
  void addingToAnExpiredSetStartsAFreshOne() {
    store.putStringSet("ips", Set.of("old"), 60L);
    clock.advanceSeconds(60);

    assertThat(store.addToStringSet("ips", Set.of("new"), Expiry.of(60L))).containsExactly("new");
    assertThat(store.getStringSet("ips")).containsExactly("new");
  }

  @Test
  void removeFromStringSetReturnsWhatIsLeft() {
    store.putStringSet("ips", Set.of("a", "b", "c"), null);

    assertThat(store.removeFromStringSet("ips", Set.of("b", "x"), Expiry.defaultTtl())).containsOnly("a", "c");
    assertThat(store.getStringSet("ips")).containsOnly("a", "c");
  }

  @Test
  void removingEveryElementLeavesAnEmptySet() {
    store.putStringSet("ips", Set.of("a"), null);

    assertThat(store.removeFromStringSet("ips", Set.of("a"), Expiry.defaultTtl())).isEmpty();
    assertThat(store.getStringSet("ips")).isEmpty();
  }

  @Test
  void removingFromAnExpiredSetLeavesItEmpty() {
    store.putStringSet("ips", Set.of("a", "b"), 60L);
    clock.advanceSeconds(60);

    assertThat(store.removeFromStringSet("ips", Set.of("a"), Expiry.defaultTtl())).isEmpty();
    assertThat(store.getStringSet("ips")).isEmpty();
  }

  @Test
  void removingFromAMissingSetCreatesNothing() {
    store.removeFromStringSet("ips", Set.of("a"));

    assertThat(store.getStringSet("ips")).isEmpty();
    assertThat(store.addToStringSet("ips", Set.of("b"), Expiry.keep())).containsExactly("b");
  }

  @Test
  void dictionariesRoundTripNestedValues() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("list", Arrays.asList(1, "two", true, null, 2.5));
    inner.put("empty", Map.of());
    Map<String, Object> value = new HashMap<>();
    value.put("city", "Zürich");
    value.put("count", 3);
    value.put("big", 12_345_678_901L);
    value.put("nested", inner);
    value.put("none", null);

    store.putDictionary("geo", value, null);

    assertThat(store.getDictionary("geo")).isEqualTo(value);
  }

  @Test
  void putDictionaryReplacesTheWholeItemAsPantherDoes() {
    store.putStringSet("user", Set.of("a"), null);
    store.putDictionary("user", Map.of("k", "v"), null);

    assertThat(store.getStringSet("user")).isEmpty();
    assertThat(store.getDictionary("user")).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void dictionariesExpire() {
    store.putDictionary("geo", Map.of("city", "Bern"), 60L);

    clock.advanceSeconds(60);
    assertThat(store.getDictionary("geo")).isEmpty();
  }

  @Test
  void dictionariesThatAreNotJsonAreRejected() {
    Map<String, Object> value = Map.of("thing", new Object());

    assertThatThrownBy(() -> store.putDictionary("geo", value, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'geo'")
        .hasMessageContaining("JSON");
  }

  @Test
  void countersStartAtZeroAndAddTheIncrement() {
    assertThat(store.incrementCounter("failures", 1)).isEqualTo(1);
    assertThat(store.incrementCounter("failures", 5)).isEqualTo(6);
    assertThat(store.incrementCounter("failures", -2)).isEqualTo(4);
    assertThat(store.getCounter("failures")).isEqualTo(4);
  }

  @Test
  void resetCounterMakesItReadZero() {
    store.incrementCounter("failures", 7);
    store.resetCounter("failures");

    assertThat(store.getCounter("failures")).isZero();
    assertThat(store.incrementCounter("failures", 1)).isEqualTo(1);
  }

  @Test
  void countersExpire() {
    store.incrementCounter("failures", 3, Expiry.of(60L));

    clock.advanceSeconds(60);
    assertThat(store.getCounter("failures")).isZero();
  }

  @Test
  void incrementingAnExpiredCounterStartsFromTheIncrement() {
    store.incrementCounter("failures", 3, Expiry.of(60L));
    clock.advanceSeconds(60);

    assertThat(store.incrementCounter("failures", 2, Expiry.of(60L))).isEqualTo(2);
    assertThat(store.getCounter("failures")).isEqualTo(2);
  }

  @Test
  void aNewCounterIncrementedWithKeepNeverExpires() {
    store.incrementCounter("failures", 1, Expiry.keep());

    clock.advance(Duration.ofDays(3650));
    assertThat(store.getCounter("failures")).isEqualTo(1);
  }

  @Test
  void oneKeyHoldsACounterAndAStringSetTogether() {
    store.addToStringSet("user", Set.of("a"));
    store.incrementCounter("user", 2);

    assertThat(store.getStringSet("user")).containsExactly("a");
    assertThat(store.getCounter("user")).isEqualTo(2);
  }

  @Test
  void deleteRemovesEveryValueOfTheKey() {
    store.addToStringSet("user", Set.of("a"));
    store.incrementCounter("user", 2);

    store.delete("user");

    assertThat(store.getStringSet("user")).isEmpty();
    assertThat(store.getCounter("user")).isZero();
  }

  @Test
  void emptyKeysAreRejected() {
    assertThatThrownBy(() -> store.getCounter(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void concurrentIncrementsGiveTheExactTotal() throws Exception {
    int threads = 4;
    int perThread = 100;
    runConcurrently(threads, thread -> {
      for (int i = 0; i < perThread; i++) {
        store.incrementCounter("hits", 1);
      }
    });

    assertThat(store.getCounter("hits")).isEqualTo((long) threads * perThread);
  }

  @Test
  void concurrentAddsKeepEveryElement() throws Exception {
    int threads = 4;
    int perThread = 25;
    runConcurrently(threads, thread -> {
      for (int i = 0; i < perThread; i++) {
        store.addToStringSet("seen", Set.of(thread + "-" + i));
      }
    });

    Set<String> expected = IntStream.range(0, threads).boxed()
        .flatMap(t -> IntStream.range(0, perThread).mapToObj(i -> t + "-" + i))
        .collect(Collectors.toSet());
    assertThat(store.getStringSet("seen")).isEqualTo(expected);
  }

  /** Runs {@code work} on {@code threads} threads at once and waits for all, rethrowing any failure. */
  private static void runConcurrently(int threads, ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit((Callable<Void>) () -> {
          work.run(thread);
          return null;
        }));
      }
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface ThreadWork {
    void run(int thread) throws Exception;
  }
}
