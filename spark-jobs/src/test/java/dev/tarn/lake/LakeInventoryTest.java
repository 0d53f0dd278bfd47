package dev.tarn.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.lake.LakeInventory.LakeTable;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LakeInventoryTest {
  private static Lake lake;
  private static LakeInventory inventory;

  /** A lake of its own: two databases with Delta tables, a plain directory, and a checkpoint-like directory. */
  @BeforeAll
  static void writeLake() throws IOException {
    lake = new Lake(TestLake.newDirectory("inventory").resolve("lake").toString());
    for (String table : List.of("inv_b.zeta", "inv_b.alpha", "inv_a.mid")) {
      String[] parts = table.split("\\.");
      TestLake.spark().range(1).write().format("delta").save(lake.tablePath(parts[0], parts[1]));
    }
    Files.createDirectories(Path.of(lake.tablePath("inv_a", "not_delta")));
    Files.createDirectories(Path.of(lake.tablePath("_checkpoints", "inv_a")).resolve("_delta_log"));
    inventory = new LakeInventory(lake, TestLake.spark().sparkContext().hadoopConfiguration());
  }

  @Test
  void listsTheDeltaTablesOfTheGivenDatabasesSortedByQualifiedName() {
    assertThat(inventory.tables(List.of("inv_b", "inv_a", "inv_missing")))
        .extracting(LakeTable::qualifiedName).containsExactly("inv_a.mid", "inv_b.alpha", "inv_b.zeta");
  }

  @Test
  void listsOnlyDatabasesHoldingDeltaTables() {
    assertThat(inventory.databases()).containsExactly("inv_a", "inv_b");
  }

  @Test
  void findsOneTableByNameWithItsPath() {
    assertThat(inventory.table("inv_b", "alpha"))
        .contains(new LakeTable("inv_b", "alpha", lake.tablePath("inv_b", "alpha")));
  }

  @Test
  void findsNoTableWhereTheDirectoryHasNoDeltaLog() {
    assertThat(inventory.table("inv_a", "not_delta")).isEmpty();
    assertThat(inventory.table("inv_a", "absent")).isEmpty();
    assertThat(inventory.table("../inv_a", "mid")).isEmpty();
  }
}
