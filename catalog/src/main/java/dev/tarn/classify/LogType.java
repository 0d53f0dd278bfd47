package dev.tarn.classify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.decode.EventDecoder;
import dev.tarn.decode.EventJson;
import dev.tarn.time.Timestamps;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import dev.tarn.decode.ExtraIndicators;
import dev.tarn.indicator.IndicatorKind;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.ParserSpec;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.natives.NativeParsers;
import dev.tarn.parse.text.CsvRecordParser;
import dev.tarn.parse.text.FastmatchRecordParser;
import dev.tarn.parse.text.RegexRecordParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A log type ready to parse: its schema compiled into a decoder, the text parser (if any) that turns records into
 * JSON objects, and the shape of its table (event columns, then the p_* columns).
 */
public final class LogType {
  /** Native JSON formats whose records may wrap many events in a {@code {"Records": [...]}} object. */
  private static final Set<String> RECORDS_WRAPPED = Set.of("AWS.CloudTrail", "AWS.CloudTrailInsight");

  static final JsonFactory JSON = new JsonFactory();

  private final LogSchema schema;
  private final EventDecoder decoder;
  private final Supplier<RecordParser> textParsers;
  private final boolean recordsWrapped;
  private final IndicatorKind[] indicatorColumns;
  private final StructType tableType;

  public LogType(LogSchema schema) {
    this.schema = requireNonNull(schema, "schema is null");
    this.decoder = new EventDecoder(schema, ExtraIndicators.forLogType(schema.name()));
    ParserSpec parser = schema.parser();
    this.recordsWrapped = parser instanceof ParserSpec.Native n && RECORDS_WRAPPED.contains(n.name());
    this.textParsers = textParsers(parser, recordsWrapped);
    List<IndicatorKind> kinds = new ArrayList<>();
    for (IndicatorKind kind : IndicatorKind.values()) {
      if (decoder.indicatorKinds().contains(kind)) {
        kinds.add(kind);
      }
    }
    this.indicatorColumns = kinds.toArray(new IndicatorKind[0]);
    List<StructField> fields = new ArrayList<>(List.of(decoder.eventType().fields()));
    fields.addAll(StandardColumns.fields(decoder.indicatorKinds()));
    this.tableType = DataTypes.createStructType(fields);
  }

  private static Supplier<RecordParser> textParsers(ParserSpec spec, boolean recordsWrapped) {
    if (spec instanceof ParserSpec.Csv csv) {
      return () -> new CsvRecordParser(csv);
    }
    if (spec instanceof ParserSpec.Fastmatch fastmatch) {
      new FastmatchRecordParser(fastmatch); // fails fast on an invalid pattern
      return () -> new FastmatchRecordParser(fastmatch);
    }
    if (spec instanceof ParserSpec.Regex regex) {
      new RegexRecordParser(regex); // fails fast on an invalid pattern
      return () -> new RegexRecordParser(regex);
    }
    if (spec instanceof ParserSpec.Native n && !recordsWrapped) {
      NativeParsers.create(n.name()); // fails fast on an unknown native parser
      return () -> NativeParsers.create(n.name());
    }
    return null;
  }

  public String name() {
    return schema.name();
  }

  public String tableName() {
    return schema.tableName();
  }

  public LogSchema schema() {
    return schema;
  }

  public EventDecoder decoder() {
    return decoder;
  }

  /** The table's columns: the event's fields, then p_log_type … p_source_label, the p_any columns, p_date. */
  public StructType tableType() {
    return tableType;
  }

  IndicatorKind[] indicatorColumns() {
    return indicatorColumns;
  }

  /** Whether whole files of this type may be a single {@code {"Records": [...]}} object (CloudTrail S3 objects). */
  public boolean recordsWrapped() {
    return recordsWrapped;
  }

  /** A reader with fresh per-file state. */
  public LogTypeReader newReader() {
    return new LogTypeReader(this, textParsers == null ? null : textParsers.get());
  }

  /** The row as JSON: event fields under their original keys, then the p_* fields (nulls omitted). */
  public ObjectNode toJson(InternalRow row) {
    ObjectNode out = EventJson.render(decoder, row);
    int i = decoder.width();
    out.put(StandardColumns.LOG_TYPE, row.getUTF8String(i++).toString());
    out.put(StandardColumns.ROW_ID, row.getUTF8String(i++).toString());
    out.put(StandardColumns.EVENT_TIME, Timestamps.formatRfc3339Micros(row.getLong(i++)));
    out.put(StandardColumns.PARSE_TIME, Timestamps.formatRfc3339Micros(row.getLong(i++)));
    for (String column : new String[] {StandardColumns.SOURCE_ID, StandardColumns.SOURCE_LABEL}) {
      if (!row.isNullAt(i)) {
        out.put(column, row.getUTF8String(i).toString());
      }
      i++;
    }
    for (IndicatorKind kind : indicatorColumns) {
      if (!row.isNullAt(i)) {
        ArrayData values = row.getArray(i);
        var array = out.putArray(kind.column());
        for (int k = 0; k < values.numElements(); k++) {
          array.add(values.getUTF8String(k).toString());
        }
      }
      i++;
    }
    return out;
  }

  @Override
  public String toString() {
    return schema.name();
  }
}
