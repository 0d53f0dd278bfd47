package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.util.List;

/**
 * Amazon S3 server access logs (AWS.S3ServerAccess): space-separated, with quoted request, referrer and user agent
 * and a bracketed time. AWS appends new columns over time, so columns past the known ones are kept in
 * {@code additionalFields} instead of failing the line.
 */
public final class S3ServerAccessRecordParser implements RecordParser {

  /** Schema fields in column order; the bracketed time is one field here. */
  private static final List<String> FIELDS = List.of(
      "bucketowner", "bucket", "time", "remoteip", "requester", "requestid", "operation", "key", "requesturi",
      "httpstatus", "errorcode", "bytessent", "objectsize", "totaltime", "turnaroundtime", "referrer", "useragent",
      "versionid", "hostid", "signatureversion", "ciphersuite", "authenticationtype", "hostheader", "tlsVersion");

  private static final int TIME = FIELDS.indexOf("time");

  private final FieldScanner scanner = new FieldScanner(false);

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    ArrayNode additional = null;
    scanner.reset(line);
    while (scanner.hasNext()) {
      int position = scanner.fieldsRead();
      if (position == TIME) {
        event.put("time", Rfc3339.fromCommonLogFormat("time", scanner.nextBracketed()));
      } else if (position < FIELDS.size()) {
        NilValue.put(event, FIELDS.get(position), scanner.next());
      } else {
        if (additional == null) {
          additional = event.putArray("additionalFields");
        }
        additional.add(scanner.next());
      }
    }
    if (scanner.fieldsRead() < FIELDS.size()) {
      throw RecordRejectedException.of(
          "expected at least %d space-separated fields (the bracketed time counting as one), found %d",
          FIELDS.size(), scanner.fieldsRead());
    }
    return List.of(event);
  }
}
