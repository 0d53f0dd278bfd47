package dev.tarn.detect.kv;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The layout of Panther's {@code panther-kv-store} DynamoDB table, as {@code panther_detection_helpers.caching} reads
 * and writes it, and its creation for local use.
 */
public final class PantherKvTable {

  public static final String DEFAULT_NAME = "panther-kv-store";

  /** Partition key, a string. */
  public static final String KEY = "key";

  /** The counter, a number. */
  public static final String COUNT = "intCount";

  /** The string set, a DynamoDB string set (SS). */
  public static final String STRING_SET = "stringSet";

  /** The dictionary, JSON text in a string. */
  public static final String DICTIONARY = "dictionary";

  /** The expiry in Unix seconds, a number; the table's TTL attribute. */
  public static final String EXPIRES_AT = "expiresAt";

  private static final Logger LOG = LoggerFactory.getLogger(PantherKvTable.class);

  private PantherKvTable() {}

  /**
   * Creates the table (on-demand billing, TTL on {@link #EXPIRES_AT}) unless it exists; checks an existing table's
   * key schema.
   */
  static void createIfMissing(DynamoDbClient client, String table) {
    try {
      checkKeySchema(table, client.describeTable(b -> b.tableName(table)).table());
      return;
    } catch (ResourceNotFoundException e) {
      LOG.info("Creating DynamoDB KV table {}", table);
    }
    try {
      client.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(KEY)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
    } catch (ResourceInUseException e) {
      LOG.info("DynamoDB KV table {} is being created by someone else; waiting for it", table);
    }
    client.waiter().waitUntilTableExists(b -> b.tableName(table));
    enableTtl(client, table);
  }

  private static void enableTtl(DynamoDbClient client, String table) {
    TimeToLiveStatus status =
        client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().timeToLiveStatus();
    // Enabling twice is an error, and a concurrent creator may have done it already.
    if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
      return;
    }
    client.updateTimeToLive(
        b ->
            b.tableName(table)
                .timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(EXPIRES_AT).enabled(true).build()));
  }

  private static void checkKeySchema(String table, TableDescription description) {
    List<KeySchemaElement> keys = description.keySchema();
    boolean panther =
        keys.size() == 1 && keys.get(0).attributeName().equals(KEY) && keys.get(0).keyType() == KeyType.HASH;
    if (!panther) {
      throw new KvStoreException(
          "DynamoDB table '" + table + "' exists but its key schema is " + keys + "; a KV table needs exactly one"
              + " partition key named '" + KEY + "' (string). Use another table name or fix the table.");
    }
  }
}
