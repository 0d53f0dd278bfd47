package dev.tarn.maintain;

import static dev.tarn.maintain.MaintainFixtures.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.config.MaintainConfig;
import dev.tarn.lake.Lake;
import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which tables maintain works on, in a lake of its own (its tables are never registered in the catalog). */
class MaintainTargetsTest {
  private static MaintainJob job;

  @BeforeAll
  static void writeLake() {
    Lake lake = new Lake(TestLake.newDirectory("maint-targets").resolve("lake").toString());
    for (String name : List.of("panther_logs.aws_cloudtrail", "panther_cloudsecurity.resources",
        "panther_rule_matches.aws_cloudtrail", "tarn_system.job_runs", "scratch.notes")) {
      String[] parts = name.split("\\.");
      spark().range(1).write().format("delta").save(lake.tablePath(parts[0], parts[1]));
    }
    job = new MaintainJob(spark(), lake, MaintainConfig.defaults(), Clock.systemUTC());
  }

  @Test
  void maintainsEveryTableOfTarnsDatabasesIncludingCloudSecurity() {
    assertThat(job.targets(MaintainOptions.all())).extracting(TableRef::name).containsExactly(
        "panther_cloudsecurity.resources", "panther_logs.aws_cloudtrail", "panther_rule_matches.aws_cloudtrail",
        "tarn_system.job_runs");
  }

  @Test
  void maintainsANamedTableOutsideTarnsDatabases() {
    assertThat(job.targets(MaintainOptions.all().onTables(List.of("scratch.notes"))))
        .extracting(TableRef::name).containsExactly("scratch.notes");
  }

  @Test
  void rejectsANamedTableTheLakeLacksListingTheTablesItHas() {
    assertThatThrownBy(() -> job.targets(MaintainOptions.all().onTables(List.of("panther_logs.okta"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--table panther_logs.okta: no Delta table at")
        .hasMessageContaining("panther_logs.aws_cloudtrail");
  }
}
