package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.convert_timezone;
import static org.apache.spark.sql.functions.current_timezone;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.detect.match.ValueKind;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A value a match condition reads, as a Spark column with its type, or {@link #MISSING} when the key is not in the
 * schema. Timestamps and dates become their text form on the way in ({@link #of}), because the Java evaluator sees
 * them as the lake JSON's text.
 */
record SparkOperand(Column column, DataType type) {
  /** Panther's lake JSON layout for timestamps (Glue's), always UTC. */
  static final String TIMESTAMP_TEXT = "yyyy-MM-dd HH:mm:ss.SSSSSSSSS";

  static final SparkOperand MISSING = new SparkOperand(null, DataTypes.NullType);

  boolean missing() {
    return column == null;
  }

  /** An operand for a column of the given type, timestamps and dates as text. */
  static SparkOperand of(Column column, DataType type) {
    if (type instanceof TimestampType) {
      Column utc = convert_timezone(current_timezone(), lit("UTC"), column.cast(DataTypes.TimestampNTZType));
      return new SparkOperand(date_format(utc, TIMESTAMP_TEXT), DataTypes.StringType);
    }
    if (type instanceof TimestampNTZType) {
      return new SparkOperand(date_format(column, TIMESTAMP_TEXT), DataTypes.StringType);
    }
    if (type instanceof DateType) {
      return new SparkOperand(column.cast(DataTypes.StringType), DataTypes.StringType);
    }
    return new SparkOperand(column, type);
  }

  /** An expression's {@code Value}: a {@code String}, {@code Long}, {@code Double} or {@code Boolean}. */
  static SparkOperand literal(Object value) {
    Column c = lit(value);
    if (value instanceof String) {
      return new SparkOperand(c, DataTypes.StringType);
    }
    if (value instanceof Long) {
      return new SparkOperand(c, DataTypes.LongType);
    }
    if (value instanceof Double) {
      return new SparkOperand(c, DataTypes.DoubleType);
    }
    if (value instanceof Boolean) {
      return new SparkOperand(c, DataTypes.BooleanType);
    }
    throw new IllegalArgumentException("not a match value: " + value);
  }

  /** The kind the match semantics give this column type; null when missing. */
  ValueKind kind() {
    if (missing()) {
      return null;
    }
    if (type instanceof StringType) {
      return ValueKind.STRING;
    }
    if (type instanceof LongType || type instanceof IntegerType || type instanceof ShortType
        || type instanceof ByteType) {
      return ValueKind.INTEGER;
    }
    if (type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType) {
      return ValueKind.DECIMAL;
    }
    if (type instanceof BooleanType) {
      return ValueKind.BOOLEAN;
    }
    if (type instanceof ArrayType) {
      return ValueKind.LIST;
    }
    if (type instanceof StructType || type instanceof MapType) {
      return ValueKind.OBJECT;
    }
    return ValueKind.OTHER;
  }
}
