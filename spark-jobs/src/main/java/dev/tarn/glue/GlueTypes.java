package dev.tarn.glue;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

/** Spark types as Glue (Hive) type strings: {@code bigint}, {@code array<string>}, {@code struct<a:int,b:string>}. */
public final class GlueTypes {
  private GlueTypes() {}

  public static String of(DataType type) {
    if (type instanceof StringType || type instanceof VarcharType || type instanceof CharType) {
      return "string";
    } else if (type instanceof BooleanType) {
      return "boolean";
    } else if (type instanceof ByteType) {
      return "tinyint";
    } else if (type instanceof ShortType) {
      return "smallint";
    } else if (type instanceof IntegerType) {
      return "int";
    } else if (type instanceof LongType) {
      return "bigint";
    } else if (type instanceof FloatType) {
      return "float";
    } else if (type instanceof DoubleType) {
      return "double";
    } else if (type instanceof DecimalType d) {
      return "decimal(" + d.precision() + "," + d.scale() + ")";
    } else if (type instanceof DateType) {
      return "date";
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      // Hive has one timestamp type; Athena reads Delta's timestamp_ntz as timestamp too.
      return "timestamp";
    } else if (type instanceof BinaryType) {
      return "binary";
    } else if (type instanceof ArrayType a) {
      return "array<" + of(a.elementType()) + ">";
    } else if (type instanceof MapType m) {
      return "map<" + of(m.keyType()) + "," + of(m.valueType()) + ">";
    } else if (type instanceof StructType s) {
      return "struct<" + Arrays.stream(s.fields()).map(GlueTypes::field).collect(Collectors.joining(",")) + ">";
    }
    throw new IllegalArgumentException("No Glue type for Spark type " + type.catalogString());
  }

  private static String field(StructField f) {
    // Hive's type parser reads a field name up to ':'; names with other characters need backquotes.
    String name = f.name().matches("[A-Za-z0-9_]+") ? f.name() : "`" + f.name().replace("`", "``") + "`";
    return name + ":" + of(f.dataType());
  }
}
