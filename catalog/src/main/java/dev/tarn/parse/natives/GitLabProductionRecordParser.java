package dev.tarn.parse.natives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import java.util.List;

/**
 * GitLab.Production (production_json.log). Its lines look like GitLab.API's (api_json.log) except that a Rails
 * controller request names its {@code action} or {@code etag_route}; Panther told the two apart by requiring one
 * of them, a rule the log-schema format cannot state (it has no "at least one of"), hence this small parser.
 */
final class GitLabProductionRecordParser implements RecordParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public List<ObjectNode> parse(String record) throws RecordRejectedException {
    JsonNode node;
    try {
      node = MAPPER.readTree(record);
    } catch (JsonProcessingException e) {
      throw new RecordRejectedException("invalid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new RecordRejectedException("not a JSON object");
    }
    if (!present(object, "action") && !present(object, "etag_route")) {
      throw new RecordRejectedException("neither action nor etag_route is set (a GitLab.API line, not Production)");
    }
    return List.of(object);
  }

  private static boolean present(ObjectNode object, String key) {
    JsonNode value = object.get(key);
    return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
  }
}
