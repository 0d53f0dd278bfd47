package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import dev.tarn.detect.match.AlertContext;
import dev.tarn.detect.match.AlertTitle;
import dev.tarn.detect.match.DynamicSeverity;
import dev.tarn.detect.match.SimpleDetection;
import dev.tarn.detect.match.ValueKind;
import dev.tarn.detect.spark.SchemaPath.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A simple detection as Spark columns over rows of one log table: whether a row matches, and its alert title,
 * context and severity (meaningful on matching rows). They agree with {@link SimpleDetection}'s Java methods, except
 * where README-match.md says objects and lists are rendered as JSON.
 */
public final class SimpleDetectionColumns {
  /** {@code to_json} options: keep null fields (as the Java map does) and write timestamps as the lake JSON does. */
  private static final Map<String, String> JSON_OPTIONS = Map.of(
      "ignoreNullFields", "false",
      "timestampFormat", SparkOperand.TIMESTAMP_TEXT,
      "timestampNTZFormat", SparkOperand.TIMESTAMP_TEXT,
      "timeZone", "UTC");

  private SimpleDetectionColumns() {}

  /** InlineFilters and Detection, both holding. */
  public static Column matches(SimpleDetection d, StructType schema) {
    return MatchCompiler.compile(d.inlineFilters(), schema).and(MatchCompiler.compile(d.detection(), schema));
  }

  /** The rendered AlertTitle, or the display name as a literal when the detection has none. */
  public static Column title(SimpleDetection d, StructType schema) {
    if (d.title() == null) {
      return lit(d.displayName());
    }
    List<Column> parts = new ArrayList<>();
    for (AlertTitle.Part p : d.title().parts()) {
      if (p instanceof AlertTitle.Part.Text t) {
        parts.add(lit(t.text()));
      } else {
        SparkOperand value = SchemaPath.resolve(Scope.root(schema), ((AlertTitle.Part.Placeholder) p).key().path());
        parts.add(value.missing() ? lit(AlertTitle.MISSING) : coalesce(text(value), lit(AlertTitle.MISSING)));
      }
    }
    return parts.isEmpty() ? lit("") : concat(parts.toArray(new Column[0]));
  }

  /** Scalars as text, lists and objects as JSON. */
  private static Column text(SparkOperand value) {
    ValueKind k = value.kind();
    if (k == ValueKind.LIST || k == ValueKind.OBJECT) {
      return to_json(value.column(), JSON_OPTIONS);
    }
    return value.column().cast(DataTypes.StringType);
  }

  /** The alert context as JSON text: KeyName → value, null for missing values; {@code {}} without AlertContext. */
  public static Column alertContextJson(SimpleDetection d, StructType schema) {
    List<AlertContext.Entry> entries = d.alertContext().entries();
    if (entries.isEmpty()) {
      return lit("{}");
    }
    List<Column> fields = new ArrayList<>();
    for (AlertContext.Entry e : entries) {
      SparkOperand value = SchemaPath.resolve(Scope.root(schema), e.key().path());
      fields.add((value.missing() ? lit(null).cast(DataTypes.StringType) : value.column()).as(e.name()));
    }
    return to_json(struct(fields.toArray(new Column[0])), JSON_OPTIONS);
  }

  /** The first matching DynamicSeverities entry's severity, else the detection's; as {@code Severity} names. */
  public static Column severity(SimpleDetection d, StructType schema) {
    Column out = null;
    for (DynamicSeverity s : d.dynamicSeverities()) {
      Column c = MatchCompiler.compile(s.conditions(), schema);
      out = out == null ? when(c, s.changeTo().name()) : out.when(c, s.changeTo().name());
    }
    return out == null ? lit(d.severity().name()) : out.otherwise(d.severity().name());
  }
}
