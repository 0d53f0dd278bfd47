package dev.tarn.detect.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

class DynamoDbKvStoreTest extends KvStoreContractTest {

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynamoDbLocal dynamo;
  private static DynamoDbClient client;

  private String table;

  @BeforeAll
  static void startDynamoDbLocal() throws Exception {
    dynamo = DynamoDbLocal.start();
    client = dynamo.client();
  }

  @AfterAll
  static void stopDynamoDbLocal() {
    client.close();
    dynamo.close();
  }

  @Override
  protected KvStore openStore(Clock clock) {
    table = "kv-" + TABLES.incrementAndGet();
    return DynamoDbKvStore.using(client, table, true, clock);
  }

  @AfterEach
  void dropTheTable() {
    client.deleteTable(b -> b.tableName(table));
  }

  @Test
  void theTableHasPanthersKeySchemaAndTtlAttribute() {
    TableDescription description = client.describeTable(b -> b.tableName(table)).table();
    TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();

    assertThat(description.keySchema())
        .containsExactly(KeySchemaElement.builder().attributeName("key").keyType(KeyType.HASH).build());
    assertThat(description.attributeDefinitions()).singleElement().satisfies(definition -> {
      assertThat(definition.attributeName()).isEqualTo("key");
      assertThat(definition.attributeType()).isEqualTo(ScalarAttributeType.S);
    });
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
  }

  @Test
  void stringSetsAreStoredInPanthersAttributes() {
    store.putStringSet("ips", Set.of("a", "b"), 3600L);

    Map<String, AttributeValue> item = rawItem("ips");
    assertThat(item.keySet()).containsExactlyInAnyOrder("key", "stringSet", "expiresAt");
    assertThat(item.get("key").s()).isEqualTo("ips");
    assertThat(item.get("stringSet").ss()).containsExactlyInAnyOrder("a", "b");
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(clock.epochSecond() + 3600));
  }

  @Test
  void countersAreStoredInPanthersAttributes() {
    store.incrementCounter("hits", 5);

    Map<String, AttributeValue> item = rawItem("hits");
    assertThat(item.keySet()).containsExactlyInAnyOrder("key", "intCount", "expiresAt");
    assertThat(item.get("intCount").n()).isEqualTo("5");
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(clock.epochSecond() + NINETY_DAYS));
  }

  @Test
  void dictionariesAreStoredAsJsonText() {
    store.putDictionary("geo", Map.of("city", "Bern"), null);

    Map<String, AttributeValue> item = rawItem("geo");
    assertThat(item.keySet()).containsExactlyInAnyOrder("key", "dictionary", "expiresAt");
    assertThat(item.get("dictionary").s()).isEqualTo("{\"city\":\"Bern\"}");
  }

  @Test
  void itemsPantherWroteAreRead() {
    client.putItem(b -> b.tableName(table).item(Map.of(
        "key", AttributeValue.fromS("geo"),
        "dictionary", AttributeValue.fromS("{\"city\": \"Bern\", \"n\": [1, 2]}"),
        "intCount", AttributeValue.fromN("3"),
        "expiresAt", AttributeValue.fromN(Long.toString(clock.epochSecond() + 60)))));

    assertThat(store.getDictionary("geo")).isEqualTo(Map.of("city", "Bern", "n", List.of(1, 2)));
    assertThat(store.getCounter("geo")).isEqualTo(3);
  }

  @Test
  void itemsPastTheirExpiryReadAsAbsentBeforeDynamoDbDeletesThem() {
    client.putItem(b -> b.tableName(table).item(Map.of(
        "key", AttributeValue.fromS("ips"),
        "stringSet", AttributeValue.fromSs(List.of("a")),
        "intCount", AttributeValue.fromN("3"),
        "expiresAt", AttributeValue.fromN(Long.toString(clock.epochSecond() - 1)))));

    assertThat(store.getStringSet("ips")).isEmpty();
    assertThat(store.getCounter("ips")).isZero();
    assertThat(rawItem("ips")).isNotEmpty();
  }

  @Test
  void aFractionalExpiryIsLiveUntilItsWholeSecondPasses() {
    client.putItem(b -> b.tableName(table).item(Map.of(
        "key", AttributeValue.fromS("ips"),
        "stringSet", AttributeValue.fromSs(List.of("a")),
        "expiresAt", AttributeValue.fromN(clock.epochSecond() + ".5"))));

    assertThat(store.getStringSet("ips")).containsExactly("a");
  }

  @Test
  void incrementingAnExpiredItemDropsItsOtherValues() {
    store.putStringSet("user", Set.of("a"), 60L);
    clock.advanceSeconds(60);

    store.incrementCounter("user", 1, Expiry.keep());

    assertThat(rawItem("user").keySet()).containsExactlyInAnyOrder("key", "intCount");
  }

  @Test
  void writesToLiveOrMissingKeysLeaveNoEmptyItems() {
    store.resetCounter("nothing");
    store.setExpiration("nothing", 60L);
    store.putStringSet("nothing", Set.of(), null);
    store.removeFromStringSet("nothing", Set.of("a"));

    assertThat(rawItem("nothing")).isEmpty();
  }

  @Test
  void aMissingTableIsReportedWithHowToFixIt() {
    try (KvStore missing = DynamoDbKvStore.using(client, "no-such-table", false, clock)) {
      assertThatThrownBy(() -> missing.getCounter("hits"))
          .isInstanceOf(KvStoreException.class)
          .hasMessageContaining("'no-such-table'")
          .hasMessageContaining("does not exist")
          .hasMessageContaining("createTableIfMissing");
    }
  }

  @Test
  void aTableWithAnotherKeySchemaIsRefused() {
    client.createTable(b -> b.tableName("other-schema")
        .billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    try {
      assertThatThrownBy(() -> DynamoDbKvStore.using(client, "other-schema", true, clock))
          .isInstanceOf(KvStoreException.class)
          .hasMessageContaining("'other-schema'")
          .hasMessageContaining("partition key named 'key'");
    } finally {
      client.deleteTable(b -> b.tableName("other-schema"));
    }
  }

  @Test
  void theFactoryConnectsWithTheDefaultCredentialsChain() {
    // The default chain reads these system properties first; the factory never takes credentials itself.
    System.setProperty("aws.accessKeyId", "dummy");
    System.setProperty("aws.secretAccessKey", "dummy");
    KvConfig config = KvConfig.dynamoDb(DynamoDbLocal.REGION)
        .withTable(table)
        .withEndpoint(dynamo.endpoint().toString());
    try (KvStore viaFactory = KvStores.open(config, clock)) {
      store.incrementCounter("hits", 2);

      assertThat(viaFactory).isInstanceOf(DynamoDbKvStore.class);
      assertThat(viaFactory.getCounter("hits")).isEqualTo(2);
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private Map<String, AttributeValue> rawItem(String key) {
    return client.getItem(b -> b.tableName(table).key(Map.of("key", AttributeValue.fromS(key)))).item();
  }
}
