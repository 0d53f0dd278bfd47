/**
 * The key-value store behind {@code panther_detection_helpers.caching}: counters, string sets and dictionaries with
 * Panther's expiry rules ({@link dev.tarn.detect.kv.Expiry}).
 *
 * <p>Entry points: {@link dev.tarn.detect.kv.KvStores#open(dev.tarn.detect.kv.KvConfig)} opens the store a config
 * names; {@link dev.tarn.detect.kv.EmbeddedKvStore} (an H2 MVStore file, one process per file) is the single-machine
 * default, {@link dev.tarn.detect.kv.DynamoDbKvStore} shares state across a cluster in a table laid out like
 * Panther's {@code panther-kv-store} ({@link dev.tarn.detect.kv.PantherKvTable}).
 */
package dev.tarn.detect.kv;
