package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static dev.tarn.detect.python.RuntimeTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** panther_detection_helpers.caching, backed by the runtime's KvStore. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CachingContract {

  static final String IMPORT = "from panther_detection_helpers import caching\n";

  final ScratchKvStore store = new ScratchKvStore();
  RuleRuntime runtime;

  abstract String runtimeName();

  @BeforeAll
  void start() {
    runtime = RuntimeTestSupport.create(runtimeName(), pack(
        rule("Cache.StringSets", IMPORT + py("def rule(event):", "    key = event.get('key')",
            "    caching.put_string_set(key, ['a', 'b'])",
            "    assert caching.get_string_set(key) == set(['a', 'b']), caching.get_string_set(key)",
            "    assert caching.add_to_string_set(key, 'c') == set(['a', 'b', 'c'])",
            "    assert caching.remove_from_string_set(key, ['a']) == set(['b', 'c'])",
            "    assert caching.check_account_age(key) and not caching.check_account_age(key + ':none')",
            "    return True")),
        rule("Cache.Dictionaries", IMPORT + py("def rule(event):",
            "    caching.put_dictionary('dict', {'n': 1, 'l': [1, 2]})",
            "    assert caching.get_dictionary('dict') == {'n': 1, 'l': [1, 2]}",
            "    assert caching.get_dictionary('absent') == {}",
            "    return True")),
        rule("Cache.Counters", IMPORT + py("def rule(event):",
            "    assert caching.increment_counter('count') == 1",
            "    assert caching.increment_counter('count', 2) == 3",
            "    assert caching.get_counter('count') == 3",
            "    caching.reset_counter('count')",
            "    return caching.get_counter('count') == 0")),
        rule("Cache.Expiry", IMPORT + py("def rule(event):",
            "    caching.put_string_set('relative', ['x'], epoch_seconds=3600)",
            "    caching.put_string_set('absolute', ['x'], epoch_seconds=2000000000)",
            "    caching.put_string_set('default', ['x'])",
            "    return True")),
        rule("Cache.ReadsJava", IMPORT + py("def rule(event):",
            "    return 'from-java' in caching.get_string_set('preset', force_ttl_check=True)")),
        rule("Cache.Threshold", IMPORT + py("def rule(event):",
            "    return caching.evaluate_threshold('threshold', threshold=2)")),
        rule("Cache.KvTable", IMPORT + py("def rule(event):", "    caching.kv_table()", "    return True"))),
        new RuntimeOptions(RuntimeOptions.DEFAULT_TIMEOUT, RuntimeOptions.DEFAULT_ALLOCATION_LIMIT, List.of(), store,
            false, false));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  @Test
  void stringSetsRoundTripThroughTheStore() {
    assertPasses(runtime, "Cache.StringSets", "{\"key\": \"user:alice\"}", "Test.Log");
    assertThat(store.getStringSet("user:alice")).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void dictionariesRoundTripThroughTheStore() {
    assertPasses(runtime, "Cache.Dictionaries", "{}", "Test.Log");
    assertThat(store.getDictionary("dict")).isEqualTo(Map.of("n", 1, "l", List.of(1, 2)));
  }

  @Test
  void countersIncrementAndReset() {
    assertPasses(runtime, "Cache.Counters", "{}", "Test.Log");
    assertThat(store.getCounter("count")).isZero();
  }

  @Test
  void epochSecondsBelowOneBillionAreRelativeAndTheDefaultIsNinetyDays() {
    assertPasses(runtime, "Cache.Expiry", "{}", "Test.Log");
    long now = System.currentTimeMillis() / 1000;
    assertThat(store.expiresAt("relative")).isCloseTo(now + 3600, within(60L));
    assertThat(store.expiresAt("absolute")).isEqualTo(2_000_000_000L);
    assertThat(store.expiresAt("default")).isCloseTo(now + 90L * 24 * 3600, within(60L));
  }

  @Test
  void detectionsReadWhatJavaStored() {
    store.putStringSet("preset", Set.of("from-java"), null);
    assertPasses(runtime, "Cache.ReadsJava", "{}", "Test.Log");
  }

  @Test
  void evaluateThresholdFiresWhenTheCountReachesTheThreshold() {
    assertThat(evaluate(runtime, "Cache.Threshold", "{}", "Test.Log")).isNull();
    assertThat(evaluate(runtime, "Cache.Threshold", "{}", "Test.Log").matched()).isTrue();
  }

  @Test
  void kvTableExplainsThatThereIsNoDynamoDbTable() {
    assertThat(evaluate(runtime, "Cache.KvTable", "{}", "Test.Log").error())
        .startsWith("NotImplementedError: kv_table() gives Panther's DynamoDB table");
  }
}
