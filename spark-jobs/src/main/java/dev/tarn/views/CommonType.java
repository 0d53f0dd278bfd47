package dev.tarn.views;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The type a union view gives a column that two tables declare with different types. Integers widen to the wider
 * integer, any mix with a floating-point type becomes double, date with timestamp becomes timestamp; anything else
 * (an array against a string, two different struct layouts, decimals) becomes string, which every Spark type casts
 * to, so one odd table never stops the view from being built.
 */
final class CommonType {
  private static final List<DataType> INTEGERS = List.of(DataTypes.ByteType, DataTypes.ShortType,
      DataTypes.IntegerType, DataTypes.LongType);

  private CommonType() {}

  static DataType of(DataType a, DataType b) {
    requireNonNull(a, "a is null");
    requireNonNull(b, "b is null");
    if (a.equals(b)) {
      return a;
    }
    // Nullability is not part of what a reader sees: array<string> with and without null elements agree, and the
    // catalog string leaves nullability out.
    if (a.catalogString().equals(b.catalogString())) {
      return a;
    }
    if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
      return INTEGERS.get(Math.max(INTEGERS.indexOf(a), INTEGERS.indexOf(b)));
    }
    if (isNumber(a) && isNumber(b)) {
      return DataTypes.DoubleType;
    }
    if (isTime(a) && isTime(b)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static boolean isNumber(DataType t) {
    return INTEGERS.contains(t) || t.equals(DataTypes.FloatType) || t.equals(DataTypes.DoubleType);
  }

  private static boolean isTime(DataType t) {
    return t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType);
  }
}
