package dev.tarn.parse.natives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import java.util.List;

/**
 * Crowdstrike Falcon Data Replicator events whose {@code event_simpleName} no dedicated log type claims
 * (Crowdstrike.Unknown). The common sensor fields stay top-level columns, and the whole event is also kept as
 * {@code unknown_payload} so that fields of event kinds without a schema are not lost. Which names count as known
 * is the schema's {@code validate: deny:} list, not this class's business.
 */
public final class CrowdstrikeUnknownRecordParser implements RecordParser {
  static final String PAYLOAD = "unknown_payload";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public List<ObjectNode> parse(String record) throws RecordRejectedException {
    JsonNode event;
    try {
      event = JSON.readTree(record);
    } catch (JsonProcessingException e) {
      throw RecordRejectedException.of("invalid JSON: %s", e.getOriginalMessage());
    }
    if (!(event instanceof ObjectNode object)) {
      throw new RecordRejectedException("not a JSON object");
    }
    ObjectNode out = object.deepCopy();
    out.set(PAYLOAD, object);
    return List.of(out);
  }
}
