package dev.tarn.orchestration.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecTest {
  private static final JobParam SOURCE = new JobParam("source", "a source id", "s1");

  @Test
  void fillsParamReferencesWithTheGivenValues() {
    JobSpec job = new JobSpec("b", "d", List.of("backfill", "--source", SOURCE.reference()), null, List.of(SOURCE));
    assertThat(job.args(Map.of("source", "prod"))).containsExactly("backfill", "--source", "prod");
    assertThat(job.exampleArgs()).containsExactly("backfill", "--source", "s1");
  }

  @Test
  void namesTheParamATriggerLeftOut() {
    JobSpec job = new JobSpec("b", "d", List.of("backfill", "--source", SOURCE.reference()), null, List.of(SOURCE));
    assertThatThrownBy(() -> job.args(Map.of())).hasMessageContaining("source (a source id)");
  }

  @Test
  void rejectsAParamTheArgumentsDoNotUse() {
    assertThatThrownBy(() -> new JobSpec("b", "d", List.of("backfill"), null, List.of(SOURCE)))
        .hasMessageContaining("[source]");
  }

  @Test
  void rejectsAScheduleThatIsNotFiveFieldCron() {
    assertThatThrownBy(() -> new JobSpec("i", "d", List.of("ingest"), "@hourly", List.of()))
        .hasMessageContaining("5-field cron");
  }

  @Test
  void findsAJobByItsIdOrItsDagId() {
    assertThat(JobCatalog.find("backfill")).contains(JobCatalog.job("backfill"));
    assertThat(JobCatalog.find("tarn_backfill")).contains(JobCatalog.job("backfill"));
    assertThat(JobCatalog.find("nightly_etl")).isEmpty();
  }
}
