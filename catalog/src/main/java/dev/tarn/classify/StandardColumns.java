package dev.tarn.classify;

import dev.tarn.indicator.IndicatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Panther's standard {@code p_*} columns, in the order they follow the event's own columns, plus Tarn's p_date. */
public final class StandardColumns {
  public static final String LOG_TYPE = "p_log_type";
  public static final String ROW_ID = "p_row_id";
  public static final String EVENT_TIME = "p_event_time";
  public static final String PARSE_TIME = "p_parse_time";
  public static final String SOURCE_ID = "p_source_id";
  public static final String SOURCE_LABEL = "p_source_label";
  /** Tarn's partition column: the UTC date of p_event_time. */
  public static final String DATE = "p_date";

  private StandardColumns() {}

  /** The p_* fields for a log type that fills the given indicator kinds (p_any columns in kind order). */
  public static List<StructField> fields(Set<IndicatorKind> kinds) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(LOG_TYPE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(ROW_ID, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(EVENT_TIME, DataTypes.TimestampType, true));
    fields.add(DataTypes.createStructField(PARSE_TIME, DataTypes.TimestampType, true));
    fields.add(DataTypes.createStructField(SOURCE_ID, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(SOURCE_LABEL, DataTypes.StringType, true));
    for (IndicatorKind kind : IndicatorKind.values()) {
      if (kinds.contains(kind)) {
        fields.add(DataTypes.createStructField(kind.column(),
            DataTypes.createArrayType(DataTypes.StringType, true), true));
      }
    }
    fields.add(DataTypes.createStructField(DATE, DataTypes.DateType, true));
    return fields;
  }
}
