package dev.tarn.detect.kv;

import static dev.tarn.detect.kv.KvArguments.checkKey;
import static dev.tarn.detect.kv.KvArguments.checkSetChange;
import static dev.tarn.detect.kv.KvArguments.checkValues;
import static dev.tarn.detect.kv.PantherKvTable.COUNT;
import static dev.tarn.detect.kv.PantherKvTable.DICTIONARY;
import static dev.tarn.detect.kv.PantherKvTable.EXPIRES_AT;
import static dev.tarn.detect.kv.PantherKvTable.KEY;
import static dev.tarn.detect.kv.PantherKvTable.STRING_SET;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The cluster {@link KvStore}: a DynamoDB table laid out like Panther's {@code panther-kv-store}, so a table Panther
 * wrote can be read and the other way round. One item per key:
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>type</th><th>holds</th></tr>
 *   <tr><td>{@code key}</td><td>S, partition key</td><td>the key</td></tr>
 *   <tr><td>{@code intCount}</td><td>N</td><td>the counter</td></tr>
 *   <tr><td>{@code stringSet}</td><td>SS</td><td>the string set (DynamoDB drops empty sets)</td></tr>
 *   <tr><td>{@code dictionary}</td><td>S</td><td>the dictionary as JSON text</td></tr>
 *   <tr><td>{@code expiresAt}</td><td>N</td><td>expiry in Unix seconds; the table's TTL attribute</td></tr>
 * </table>
 *
 * <p>DynamoDB deletes expired items lazily (within days), so every read treats {@code expiresAt <= now} as absent
 * (Panther's {@code force_ttl_check}, always on), and reads are strongly consistent so a rule sees its own last write.
 * Increments and set changes are single UpdateItem calls (ADD, DELETE), conditional on the item being live; on an
 * expired item a second conditional UpdateItem starts a fresh one, so concurrent writers never lose updates and
 * nothing of an expired item comes back.
 *
 * <p>Credentials come from the SDK's default provider chain and are never logged. The IAM role needs GetItem,
 * PutItem, UpdateItem and DeleteItem on the table (plus DescribeTable, CreateTable, DescribeTimeToLive and
 * UpdateTimeToLive with {@code createTableIfMissing}). Items are limited to DynamoDB's 400 KB.
 */
public final class DynamoDbKvStore implements KvStore {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbKvStore.class);
  private static final int MAX_ATTEMPTS = 16;

  // 'key' is a DynamoDB reserved word, so every expression names attributes through placeholders.
  private static final Map<String, String> NAMES =
      Map.of("#k", KEY, "#c", COUNT, "#s", STRING_SET, "#d", DICTIONARY, "#e", EXPIRES_AT);
  private static final String LIVE_OR_MISSING = "attribute_not_exists(#e) OR #e > :now";
  private static final String LIVE = "attribute_exists(#k) AND (attribute_not_exists(#e) OR #e > :now)";
  private static final String EXPIRED = "#e <= :now";
  private static final String MISSING_OR_EXPIRED = "attribute_not_exists(#k) OR #e <= :now";

  private final DynamoDbClient client;
  private final String table;
  private final Clock clock;
  private final boolean ownsClient;

  private DynamoDbKvStore(
      DynamoDbClient client, String table, boolean createTableIfMissing, Clock clock, boolean ownsClient) {
    this.client = requireNonNull(client, "client is null");
    this.table = requireNonNull(table, "table is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.ownsClient = ownsClient;
    if (createTableIfMissing) {
      call("create table", null, () -> {
        PantherKvTable.createIfMissing(client, table);
        return null;
      });
    }
    LOG.info("Using DynamoDB KV table {}{}", table, where());
  }

  /** Connects with the default credentials chain; {@link #close()} closes the client. */
  public static DynamoDbKvStore open(KvConfig config, Clock clock) {
    requireNonNull(config, "config is null");
    if (config.kind() != KvConfig.Kind.DYNAMODB) {
      throw new IllegalArgumentException("Not a DynamoDB KV config: " + config);
    }
    DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    if (config.region() != null) {
      builder.region(Region.of(config.region()));
    }
    if (config.endpoint() != null) {
      builder.endpointOverride(endpoint(config.endpoint()));
    }
    DynamoDbClient client;
    try {
      client = builder.build();
    } catch (SdkClientException e) {
      throw new KvStoreException(
          "Cannot create the DynamoDB client of the KV store: " + e.getMessage()
              + " (set the KV store's region in the Tarn config, or AWS_REGION)",
          e);
    }
    try {
      return new DynamoDbKvStore(client, config.table(), config.createTableIfMissing(), clock, true);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Uses a client the caller owns (and closes). */
  public static DynamoDbKvStore using(
      DynamoDbClient client, String table, boolean createTableIfMissing, Clock clock) {
    return new DynamoDbKvStore(client, table, createTableIfMissing, clock, false);
  }

  public String table() {
    return table;
  }

  @Override
  public Set<String> getStringSet(String key) {
    return stringSet(getLive(key, "#s, #e"));
  }

  @Override
  public void putStringSet(String key, Set<String> value, Long epochSeconds) {
    Set<String> set = checkValues(checkKey(key), value);
    if (set.isEmpty()) {
      updateIfLive(key, "REMOVE #s", Map.of());
      return;
    }
    put(key, STRING_SET, AttributeValue.fromSs(List.copyOf(set)), epochSeconds);
  }

  @Override
  public Set<String> addToStringSet(String key, Set<String> values, Expiry expiry) {
    Set<String> added = checkSetChange(key, values, expiry);
    if (added.isEmpty()) {
      return getStringSet(key);
    }
    AttributeValue set = AttributeValue.fromSs(List.copyOf(added));
    return stringSet(upsert(key, "ADD #s :v", "#s = :v", "#c, #d", Map.of(":v", set), expiry.resolve(clock)));
  }

  @Override
  public Set<String> removeFromStringSet(String key, Set<String> values, Expiry expiry) {
    Set<String> removed = checkSetChange(key, values, expiry);
    if (removed.isEmpty()) {
      return getStringSet(key);
    }
    OptionalLong expiresAt = expiry.resolve(clock);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> bound = withNow(Map.of(":v", AttributeValue.fromSs(List.copyOf(removed))));
      expiresAt.ifPresent(t -> bound.put(":t", number(t)));
      try {
        return stringSet(update(key, "DELETE #s :v" + (expiresAt.isPresent() ? " SET #e = :t" : ""), LIVE, bound));
      } catch (ConditionalCheckFailedException absentOrExpired) {
        // fall through: drop the expired item, as Panther's remove_from_string_set resets it
      }
      try {
        call("delete", key, () -> client.deleteItem(b -> b.tableName(table).key(keyOf(key))
            .conditionExpression(MISSING_OR_EXPIRED).expressionAttributeNames(namesIn(MISSING_OR_EXPIRED))
            .expressionAttributeValues(withNow(Map.of()))));
        return Set.of();
      } catch (ConditionalCheckFailedException revived) {
        // another writer made the key live again: remove from its set
      }
    }
    throw contention(key);
  }

  @Override
  public Map<String, Object> getDictionary(String key) {
    AttributeValue json = getLive(key, "#d, #e").get(DICTIONARY);
    return json == null || json.s() == null ? Map.of() : DictionaryJson.read(key, json.s());
  }

  @Override
  public void putDictionary(String key, Map<String, Object> value, Long epochSeconds) {
    checkKey(key);
    requireNonNull(value, "value is null");
    put(key, DICTIONARY, AttributeValue.fromS(DictionaryJson.write(key, value)), epochSeconds);
  }

  @Override
  public long getCounter(String key) {
    AttributeValue count = getLive(key, "#c, #e").get(COUNT);
    return count == null ? 0 : wholeNumber(count, RoundingMode.DOWN);
  }

  @Override
  public long incrementCounter(String key, long by, Expiry expiry) {
    checkKey(key);
    requireNonNull(expiry, "expiry is null");
    Map<String, AttributeValue> item =
        upsert(key, "ADD #c :v", "#c = :v", "#s, #d", Map.of(":v", number(by)), expiry.resolve(clock));
    return wholeNumber(item.get(COUNT), RoundingMode.DOWN);
  }

  @Override
  public void resetCounter(String key) {
    updateIfLive(checkKey(key), "REMOVE #c", Map.of());
  }

  @Override
  public void setExpiration(String key, long epochSeconds) {
    updateIfLive(checkKey(key), "SET #e = :t", Map.of(":t", number(Expiry.resolve(epochSeconds, clock))));
  }

  @Override
  public void delete(String key) {
    call("delete", checkKey(key), () -> client.deleteItem(b -> b.tableName(table).key(keyOf(key))));
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  /** The item's attributes, or an empty map when it is absent or expired. */
  private Map<String, AttributeValue> getLive(String key, String projection) {
    checkKey(key);
    Map<String, AttributeValue> item = call("read", key, () -> client.getItem(b -> b.tableName(table)
        .key(keyOf(key)).consistentRead(true).projectionExpression(projection)
        .expressionAttributeNames(namesIn(projection))).item());
    AttributeValue expiresAt = item.get(EXPIRES_AT);
    Long expiry = expiresAt == null ? null : wholeNumber(expiresAt, RoundingMode.CEILING);
    return Expiry.isExpired(expiry, Expiry.nowSeconds(clock)) ? Map.of() : item;
  }

  /** Replaces the whole item, as Panther's put_string_set and put_dictionary do. */
  private void put(String key, String attribute, AttributeValue value, Long epochSeconds) {
    Map<String, AttributeValue> item = Map.of(KEY, AttributeValue.fromS(key), attribute, value,
        EXPIRES_AT, number(Expiry.resolve(epochSeconds, clock)));
    call("write", key, () -> client.putItem(b -> b.tableName(table).item(item)));
  }

  /**
   * Applies {@code liveAction} to a live or missing item. An expired item is replaced instead: {@code freshSet} is
   * set, {@code freshRemove} is removed, so nothing of the expired item survives. Returns the item after the change.
   */
  private Map<String, AttributeValue> upsert(String key, String liveAction, String freshSet, String freshRemove,
      Map<String, AttributeValue> values, OptionalLong expiresAt) {
    boolean newExpiry = expiresAt.isPresent();
    String live = liveAction + (newExpiry ? " SET #e = :t" : "");
    // A fresh item with a kept expiry has none to keep: drop the expired one.
    String fresh = "SET " + freshSet + (newExpiry ? ", #e = :t" : "") + " REMOVE " + freshRemove
        + (newExpiry ? "" : ", #e");
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> bound = withNow(values);
      expiresAt.ifPresent(t -> bound.put(":t", number(t)));
      try {
        return update(key, live, LIVE_OR_MISSING, bound);
      } catch (ConditionalCheckFailedException expired) {
        // fall through to start a fresh item
      }
      try {
        return update(key, fresh, EXPIRED, bound);
      } catch (ConditionalCheckFailedException changed) {
        // another writer revived or deleted the item meanwhile: try the live path again
      }
    }
    throw contention(key);
  }

  /** Changes a live item; absent and expired keys stay as they are (and no empty item is created). */
  private void updateIfLive(String key, String action, Map<String, AttributeValue> values) {
    try {
      update(key, action, LIVE, withNow(values));
    } catch (ConditionalCheckFailedException absentOrExpired) {
      // nothing to change
    }
  }

  private Map<String, AttributeValue> update(
      String key, String action, String condition, Map<String, AttributeValue> values) {
    return call("update", key, () -> client.updateItem(b -> b.tableName(table).key(keyOf(key))
        .updateExpression(action).conditionExpression(condition)
        .expressionAttributeNames(namesIn(action + " " + condition)).expressionAttributeValues(values)
        .returnValues(ReturnValue.ALL_NEW)).attributes());
  }

  /** Runs one request, turning SDK failures into errors that name the table and say how to fix a missing one. */
  private <T> T call(String action, String key, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (ResourceNotFoundException e) {
      throw new KvStoreException("DynamoDB KV table '" + table + "' does not exist" + where() + ". Create it with"
          + " partition key '" + KEY + "' (string) and TTL attribute '" + EXPIRES_AT + "', point the KV config at"
          + " the right table and region, or set createTableIfMissing for local use.", e);
    } catch (SdkException e) {
      String what = key == null ? action : action + " of key '" + key + "'";
      throw new KvStoreException(
          "DynamoDB KV store: " + what + " in table '" + table + "'" + where() + " failed: " + e.getMessage(), e);
    }
  }

  private String where() {
    var configuration = client.serviceClientConfiguration();
    String endpoint = configuration.endpointOverride().map(uri -> ", endpoint " + uri).orElse("");
    return " (region " + configuration.region() + endpoint + ")";
  }

  private KvStoreException contention(String key) {
    return new KvStoreException("DynamoDB KV store: key '" + key + "' in table '" + table + "' kept changing under"
        + " concurrent writers; gave up after " + MAX_ATTEMPTS + " attempts");
  }

  private Map<String, AttributeValue> withNow(Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":now", number(Expiry.nowSeconds(clock)));
    return all;
  }

  private static Map<String, String> namesIn(String expression) {
    return NAMES.entrySet().stream().filter(name -> expression.contains(name.getKey()))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map<String, AttributeValue> keyOf(String key) {
    return Map.of(KEY, AttributeValue.fromS(key));
  }

  private static Set<String> stringSet(Map<String, AttributeValue> item) {
    AttributeValue set = item.get(STRING_SET);
    return set == null || !set.hasSs() ? Set.of() : Set.copyOf(set.ss());
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** Panther writes whole numbers, but any DynamoDB number reads; an expiry of 100.5 is live until 101. */
  private static long wholeNumber(AttributeValue value, RoundingMode rounding) {
    return new BigDecimal(value.n()).setScale(0, rounding).longValueExact();
  }

  private static URI endpoint(String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid KV store endpoint: '" + text + "' (expected a URL such as http://127.0.0.1:8000)", e);
    }
  }
}
