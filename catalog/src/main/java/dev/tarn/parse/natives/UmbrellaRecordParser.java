package dev.tarn.parse.natives;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.logschema.ParserSpec;
import dev.tarn.logschema.TextOptions;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.CsvRecordParser;
import java.util.List;
import java.util.Set;

/**
 * Cisco Umbrella logs exported to S3 (CiscoUmbrella.DNS, .IP, .CloudFirewall, .Proxy): comma-separated, every
 * field quoted, no header, a fixed column order per log kind. Some columns hold comma-separated lists (identities,
 * categories); those become JSON arrays. The {@code 2006-01-02 15:04:05} UTC timestamp is left to the schema's
 * {@code timeFormat}.
 */
public final class UmbrellaRecordParser implements RecordParser {
  private final CsvRecordParser csv;
  private final Set<String> listColumns;

  private UmbrellaRecordParser(List<String> columns, Set<String> listColumns) {
    this.csv = new CsvRecordParser(new ParserSpec.Csv(',', columns, false, TextOptions.NONE));
    this.listColumns = requireNonNull(listColumns, "listColumns is null");
  }

  /** DNS queries, as in Umbrella's DNS log format (13 columns). */
  public static UmbrellaRecordParser dns() {
    return new UmbrellaRecordParser(
        List.of("timestamp", "policyIdentity", "identities", "internalIp", "externalIp", "action", "queryType",
            "responseCode", "domain", "categories", "policyIdentityType", "identityTypes", "blockedCategories"),
        Set.of("identities", "categories", "identityTypes", "blockedCategories"));
  }

  /** IP-layer enforcement (8 columns). */
  public static UmbrellaRecordParser ip() {
    return new UmbrellaRecordParser(
        List.of("timestamp", "identity", "sourceIp", "sourcePort", "destinationIp", "destinationPort", "categories",
            "identityTypes"),
        Set.of("categories", "identityTypes"));
  }

  /** Cloud-delivered firewall (14 columns). */
  public static UmbrellaRecordParser cloudFirewall() {
    return new UmbrellaRecordParser(
        List.of("timestamp", "originId", "identity", "identityType", "direction", "ipProtocol", "packetSize",
            "sourceIp", "sourcePort", "destinationIp", "destinationPort", "dataCenter", "ruleId", "verdict"),
        Set.of());
  }

  /** Secure web gateway requests (24 columns). */
  public static UmbrellaRecordParser proxy() {
    return new UmbrellaRecordParser(
        List.of("timestamp", "identity", "identities", "internalIp", "externalIp", "destinationIp", "contentType",
            "verdict", "url", "referrer", "userAgent", "statusCode", "requestSize", "responseSize",
            "responseBodySize", "sha", "categories", "avDetections", "puas", "ampDisposition", "ampMalwareName",
            "ampScore", "identityType", "blockedCategories"),
        Set.of("identities", "categories", "avDetections", "puas", "blockedCategories"));
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    List<ObjectNode> events = csv.parse(line);
    for (ObjectNode event : events) {
      for (String column : listColumns) {
        JsonNode value = event.get(column);
        if (value != null) {
          ArrayNode items = split(value.asText(), event.arrayNode());
          if (items.isEmpty()) {
            event.remove(column);
          } else {
            event.set(column, items);
          }
        }
      }
    }
    return events;
  }

  /** {@code "a,b"} into {@code ["a","b"]}, empty items dropped. */
  private static ArrayNode split(String list, ArrayNode array) {
    int start = 0;
    while (start <= list.length()) {
      int end = list.indexOf(',', start);
      if (end < 0) {
        end = list.length();
      }
      String item = list.substring(start, end).strip();
      if (!item.isEmpty()) {
        array.add(item);
      }
      start = end + 1;
    }
    return array;
  }
}
