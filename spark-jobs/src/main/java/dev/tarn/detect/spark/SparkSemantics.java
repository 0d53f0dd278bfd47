package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.tarn.detect.match.NumericText;
import dev.tarn.detect.match.ValueKind;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The comparison rules of {@code ValueSemantics} as Spark expressions. The Java rules branch on runtime kinds; here
 * the kinds come from the schema, so the branching happens while compiling. Results may be null; the compiler
 * coalesces them to false.
 */
final class SparkSemantics {
  private SparkSemantics() {}

  static Column equal(SparkOperand a, SparkOperand b, boolean ignoreCase) {
    ValueKind ka = a.kind();
    ValueKind kb = b.kind();
    if (ka == null || kb == null || !comparable(ka) || !comparable(kb)) {
      return lit(false);
    }
    if (ka.isNumber() || kb.isNumber()) {
      return compareNumbers(a, b, Column::equalTo);
    }
    if (ka == ValueKind.BOOLEAN || kb == ValueKind.BOOLEAN) {
      if (ka == kb) {
        return a.column().equalTo(b.column());
      }
      SparkOperand text = ka == ValueKind.BOOLEAN ? b : a;
      SparkOperand bool = ka == ValueKind.BOOLEAN ? a : b;
      return lower(text.column()).equalTo(bool.column().cast(DataTypes.StringType));
    }
    return ignoreCase ? lower(a.column()).equalTo(lower(b.column())) : a.column().equalTo(b.column());
  }

  private static boolean comparable(ValueKind k) {
    return k == ValueKind.STRING || k.isNumber() || k == ValueKind.BOOLEAN;
  }

  /** Numbers as numbers; whole numbers (and whole-number text) exactly as longs, others as doubles. */
  static Column compareNumbers(SparkOperand a, SparkOperand b, BiFunction<Column, Column, Column> op) {
    Numeric x = numeric(a);
    Numeric y = numeric(b);
    if (x == null || y == null) {
      return lit(false);
    }
    return when(x.isLong().and(y.isLong()), op.apply(x.asLong(), y.asLong()))
        .when(x.isNumber().and(y.isNumber()), op.apply(x.asDouble(), y.asDouble()))
        .otherwise(lit(false));
  }

  private record Numeric(Column isLong, Column isNumber, Column asLong, Column asDouble) {}

  private static Numeric numeric(SparkOperand o) {
    ValueKind k = o.kind();
    Column c = o.column();
    if (k == ValueKind.INTEGER) {
      return new Numeric(lit(true), c.isNotNull(), c.cast(DataTypes.LongType), c.cast(DataTypes.DoubleType));
    }
    if (k == ValueKind.DECIMAL) {
      return new Numeric(lit(false), c.isNotNull(), lit(null).cast(DataTypes.LongType), c.cast(DataTypes.DoubleType));
    }
    if (k == ValueKind.STRING) {
      // The casts only run where the patterns matched (CASE WHEN is lazy), so ANSI mode cannot make them fail.
      return new Numeric(c.rlike(NumericText.INTEGER_REGEX), c.rlike(NumericText.NUMBER_REGEX),
          c.cast(DataTypes.LongType), c.cast(DataTypes.DoubleType));
    }
    return null;
  }

  /** The text form of a scalar (strings, numbers, booleans); null for anything else. */
  static Column text(SparkOperand o) {
    ValueKind k = o.kind();
    if (k == ValueKind.STRING) {
      return o.column();
    }
    if (k != null && k.hasText()) {
      return o.column().cast(DataTypes.StringType);
    }
    return null;
  }

  static Column contains(SparkOperand a, SparkOperand b, boolean ignoreCase) {
    if (a.kind() == ValueKind.LIST) {
      ArrayType array = (ArrayType) a.type();
      return exists(a.column(), x -> coalesce(
          equal(SparkOperand.of(x, array.elementType()), b, ignoreCase), lit(false)));
    }
    return text(a, b, ignoreCase, Column::contains);
  }

  static Column startsWith(SparkOperand a, SparkOperand b, boolean ignoreCase) {
    return text(a, b, ignoreCase, Column::startsWith);
  }

  static Column endsWith(SparkOperand a, SparkOperand b, boolean ignoreCase) {
    return text(a, b, ignoreCase, Column::endsWith);
  }

  private static Column text(SparkOperand a, SparkOperand b, boolean ignoreCase, BiFunction<Column, Column, Column> op) {
    Column ta = text(a);
    Column tb = text(b);
    if (ta == null || tb == null) {
      return lit(false);
    }
    return ignoreCase ? op.apply(lower(ta), lower(tb)) : op.apply(ta, tb);
  }

  /** Null, empty text, an empty list, or an object none of whose fields has a non-null value. */
  static Column isNullOrEmpty(SparkOperand o) {
    if (o.missing()) {
      return lit(true);
    }
    Column c = o.column();
    ValueKind k = o.kind();
    if (k == ValueKind.STRING) {
      return c.isNull().or(c.equalTo(""));
    }
    if (k == ValueKind.LIST) {
      return c.isNull().or(size(c).equalTo(0));
    }
    if (o.type() instanceof StructType struct) {
      Column allNull = lit(true);
      for (StructField f : struct.fields()) {
        allNull = allNull.and(c.getField(f.name()).isNull());
      }
      return c.isNull().or(allNull);
    }
    if (o.type() instanceof MapType) {
      return c.isNull().or(forall(map_values(c), Column::isNull));
    }
    return c.isNull();
  }
}
