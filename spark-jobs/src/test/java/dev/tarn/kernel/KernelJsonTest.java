package dev.tarn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.tarn.testing.TestLake;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows read with Kernel and rendered by {@link KernelJson} read exactly as Spark's to_json renders them. */
class KernelJsonTest {
  /** Row 0 has a value of every type, row 1 only nulls, row 2 the awkward values. */
  private static final String[] COLUMNS = {
      "CASE WHEN id = 0 THEN 'plain' WHEN id = 2 THEN 'quote \" backslash \\\\ newline \\n tab \\t é ✓ </script>' END"
          + " AS s",
      "CASE WHEN id = 0 THEN CAST(7 AS INT) WHEN id = 2 THEN CAST(-2147483648 AS INT) END AS i",
      "CASE WHEN id = 0 THEN 9000000000L WHEN id = 2 THEN -1L END AS l",
      "CASE WHEN id = 0 THEN CAST(3 AS SMALLINT) END AS sh",
      "CASE WHEN id = 0 THEN CAST(4 AS TINYINT) END AS b",
      "CASE WHEN id = 0 THEN true WHEN id = 2 THEN false END AS bo",
      "CASE WHEN id = 0 THEN 1.5D WHEN id = 2 THEN CAST('NaN' AS DOUBLE) END AS d",
      "CASE WHEN id = 0 THEN 1e20D WHEN id = 2 THEN -0.000001D END AS d2",
      "CASE WHEN id = 0 THEN CAST(2.25 AS FLOAT) WHEN id = 2 THEN CAST(0.1 AS FLOAT) END AS f",
      "CASE WHEN id = 0 THEN CAST(12.30 AS DECIMAL(10,2)) WHEN id = 2 THEN CAST(0 AS DECIMAL(10,2)) END AS dec",
      "CASE WHEN id = 0 THEN DATE'2024-06-03' WHEN id = 2 THEN DATE'1970-01-01' END AS dt",
      "CASE WHEN id = 0 THEN TIMESTAMP'2024-06-03 10:00:00.123456' WHEN id = 2 THEN TIMESTAMP'1969-12-31 23:59:59' END"
          + " AS ts",
      "CASE WHEN id = 0 THEN X'CAFE' WHEN id = 2 THEN X'' END AS bin",
      "CASE WHEN id = 0 THEN array('x', NULL) WHEN id = 2 THEN array() END AS arr",
      "CASE WHEN id = 0 THEN map('k', 1, 'n', NULL) END AS m",
      "CASE WHEN id = 0 THEN named_struct('a', 1, 'b', CAST(NULL AS STRING), 'c', named_struct('d', 'e'))"
          + " WHEN id = 2 THEN named_struct('a', CAST(NULL AS INT), 'b', CAST(NULL AS STRING),"
          + " 'c', named_struct('d', CAST(NULL AS STRING))) END AS st",
      "CASE WHEN id = 0 THEN array(named_struct('a', 2), NULL) END AS arrst",
      "CAST(NULL AS STRING) AS nothing"};

  @Test
  void rendersEveryTypeAsSparksToJson(@TempDir Path dir) throws Exception {
    SparkSession spark = TestLake.spark();
    String path = dir.resolve("types").toString();
    spark.range(3).selectExpr(concat("id", COLUMNS)).coalesce(1).write().format("delta").save(path);
    Dataset<Row> table = spark.read().format("delta").load(path);
    Column[] fields = Arrays.stream(table.columns()).filter(c -> !c.equals("id")).map(c -> col(c))
        .toArray(Column[]::new);
    Map<Long, String> expected = new TreeMap<>();
    for (Row row : table.select(col("id"), to_json(struct(fields))).collectAsList()) {
      expected.put(row.getLong(0), row.getString(1));
    }

    Engine engine = DefaultEngine.create(spark.sparkContext().hadoopConfiguration());
    Snapshot snapshot = Table.forPath(engine, path).getLatestSnapshot(engine);
    StructType schema = snapshot.getSchema(engine);
    Scan scan = snapshot.getScanBuilder(engine).withReadSchema(engine, schema).build();
    List<Integer> ordinals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i < schema.length(); i++) {
      ordinals.add(i);
      names.add(schema.at(i).getName());
    }
    KernelJson json = new KernelJson(ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
    Map<Long, String> rendered = new TreeMap<>();
    new DataFiles(engine, scan).readAll((batch, row) -> {
      rendered.put(batch.getColumnVector(0).getLong(row), json.object(batch, row, ordinals, names));
      return true;
    });

    assertThat(expected).hasSize(3);
    assertThat(rendered).isEqualTo(expected);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
