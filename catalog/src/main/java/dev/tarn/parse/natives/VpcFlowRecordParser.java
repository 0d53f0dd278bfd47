package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS VPC flow logs (AWS.VPCFlow). Flow logs have a user-chosen column set, announced by a header line at the top
 * of every file; the header is what identifies the format, so a file that does not start with one is not VPC flow.
 */
public final class VpcFlowRecordParser implements RecordParser {

  /** Header column → schema field, for the 21 columns AWS documents (14 default, 7 custom). */
  private static final Map<String, String> FIELD_BY_COLUMN = Map.ofEntries(
      Map.entry("version", "version"),
      Map.entry("account-id", "account"),
      Map.entry("interface-id", "interfaceId"),
      Map.entry("srcaddr", "srcAddr"),
      Map.entry("dstaddr", "dstAddr"),
      Map.entry("srcport", "srcPort"),
      Map.entry("dstport", "dstPort"),
      Map.entry("protocol", "protocol"),
      Map.entry("packets", "packets"),
      Map.entry("bytes", "bytes"),
      Map.entry("start", "start"),
      Map.entry("end", "end"),
      Map.entry("action", "action"),
      Map.entry("log-status", "status"),
      Map.entry("vpc-id", "vpcId"),
      Map.entry("subnet-id", "subNetId"),
      Map.entry("instance-id", "instanceId"),
      Map.entry("tcp-flags", "tcpFlags"),
      Map.entry("type", "trafficType"),
      Map.entry("pkt-srcaddr", "pktSrcAddr"),
      Map.entry("pkt-dstaddr", "pktDstAddr"));

  /** Fewer known names than this and the line is not taken for a header: a few words can match by chance. */
  private static final int MIN_KNOWN_COLUMNS = 5;

  private final FieldScanner scanner = new FieldScanner(false);
  private final List<String> values = new ArrayList<>();
  private String header;
  private String[] fieldByPosition;

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    if (header == null) {
      readHeader(line);
      return List.of();
    }
    if (line.equals(header)) {
      // Files concatenated before upload repeat their header.
      return List.of();
    }
    values.clear();
    scanner.reset(line);
    while (scanner.hasNext()) {
      values.add(scanner.nextBare());
    }
    if (values.size() != fieldByPosition.length) {
      throw RecordRejectedException.of(
          "expected %d space-separated columns as named by the header, found %d", fieldByPosition.length,
          values.size());
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < fieldByPosition.length; i++) {
      putField(event, fieldByPosition[i], values.get(i));
    }
    return List.of(event);
  }

  private void readHeader(String line) throws RecordRejectedException {
    String[] columns = line.split(" ", -1);
    String[] fields = new String[columns.length];
    int known = 0;
    for (int i = 0; i < columns.length; i++) {
      fields[i] = FIELD_BY_COLUMN.get(columns[i].strip());
      if (fields[i] != null) {
        known++;
      }
    }
    if (known < MIN_KNOWN_COLUMNS) {
      throw RecordRejectedException.of(
          "expected a VPC flow log header as the first line of the file (at least %d column names such as"
              + " 'srcaddr' or 'log-status'), found %d known names",
          MIN_KNOWN_COLUMNS, known);
    }
    header = line;
    fieldByPosition = fields;
  }

  private static void putField(ObjectNode event, String field, String value) throws RecordRejectedException {
    if (field == null || NilValue.isNil(value)) {
      return;
    }
    switch (field) {
      case "start", "end" -> event.put(field, Rfc3339.fromUnixSeconds(field, value));
      // AWS writes "unknown" when it cannot attribute the flow to an account; that is no account id.
      case "account" -> {
        if (!"unknown".equals(value)) {
          event.put(field, value);
        }
      }
      default -> event.put(field, value);
    }
  }
}
