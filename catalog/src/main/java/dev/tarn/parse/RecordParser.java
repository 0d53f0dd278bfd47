package dev.tarn.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns one raw record of a text format (a line, or for multi-line formats one logical record) into the JSON
 * objects the schema decoder reads. Instances are stateful per file (CSV headers, VPC flow header, skipLines),
 * so a new instance is made for every file.
 *
 * <p>Values in the returned objects are strings unless the format is natively structured (for example syslog
 * structured data, which is a nested object). Timestamps are rendered as RFC 3339 when the parser converts them
 * itself, so that the schema's {@code timeFormat: rfc3339} applies.
 */
public interface RecordParser {

  /**
   * @return the objects this record yields; an empty list means the record was consumed without events (a header,
   *     a comment, a skipped line) and still counts as accepted.
   * @throws RecordRejectedException when the record is not in this parser's format; the message says why.
   */
  List<ObjectNode> parse(String record) throws RecordRejectedException;
}
