package dev.tarn.glue;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GlueTypesTest {

  @Test
  void writesNestedTypesInHiveSyntax() {
    StructType detail = new StructType()
        .add("code", DataTypes.IntegerType)
        .add("amount", DataTypes.createDecimalType(10, 2))
        .add("by-host", DataTypes.createMapType(DataTypes.StringType,
            DataTypes.createArrayType(DataTypes.DoubleType)));

    assertThat(GlueTypes.of(detail))
        .isEqualTo("struct<code:int,amount:decimal(10,2),`by-host`:map<string,array<double>>>");
  }

  @Test
  void mapsScalarTypesToGlueNames() {
    assertThat(GlueTypes.of(DataTypes.LongType)).isEqualTo("bigint");
    assertThat(GlueTypes.of(DataTypes.ShortType)).isEqualTo("smallint");
    assertThat(GlueTypes.of(DataTypes.TimestampNTZType)).isEqualTo("timestamp");
    assertThat(GlueTypes.of(DataTypes.DateType)).isEqualTo("date");
    assertThat(GlueTypes.of(DataTypes.BooleanType)).isEqualTo("boolean");
  }
}
