package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.QueryDefinition;
import dev.tarn.detect.pack.QueryDefinition.Schedule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryScheduleTest {

  private static final RateSchedule HOURLY = new RateSchedule(60);

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void rateMinutesMakeARateSchedule() {
    assertThat(QuerySchedule.of(new Schedule(null, 360, 5))).isEqualTo(new RateSchedule(360));
  }

  @Test
  void cronExpressionMakesACronSchedule() {
    assertThat(QuerySchedule.of(new Schedule("0 */4 * * *", null, 5))).isEqualTo(CronSchedule.parse("0 */4 * * *"));
  }

  @Test
  void bothCronAndRateAreRejected() {
    assertThatThrownBy(() -> QuerySchedule.of(new Schedule("0 * * * *", 60, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid Schedule: set exactly one of CronExpression and RateMinutes (got both)");
  }

  @Test
  void neitherCronNorRateIsRejected() {
    assertThatThrownBy(() -> QuerySchedule.of(new Schedule(null, null, 5)))
        .hasMessage("Invalid Schedule: set exactly one of CronExpression and RateMinutes (got neither)");
  }

  @Test
  void scheduleErrorsNameTheQueryAndItsFile() {
    QueryDefinition query = new QueryDefinition(AnalysisType.SCHEDULED_QUERY, "Query.Bad.Cron", true, "SELECT 1",
        null, List.of(), new Schedule("0 0 * *", null, 5), false, null, Path.of("queries/bad.yml"));
    assertThatThrownBy(() -> QuerySchedule.of(query))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Query 'Query.Bad.Cron' (queries/bad.yml): Invalid CronExpression '0 0 * *': ");
  }

  @Test
  void nothingIsDueBeforeTheNextSlot() {
    assertThat(HOURLY.catchUp(at("2024-10-10T12:00:00Z"), at("2024-10-10T12:59:59Z"))).isEqualTo(CatchUp.nothingDue());
  }

  @Test
  void nothingIsDueWhenTheLastRunIsAheadOfTheClock() {
    assertThat(HOURLY.dueBetween(at("2024-10-10T14:00:00Z"), at("2024-10-10T13:30:00Z"))).isEmpty();
  }

  @Test
  void theNextSlotIsDueOnceItsTimeHasCome() {
    assertThat(HOURLY.catchUp(at("2024-10-10T12:00:00Z"), at("2024-10-10T13:00:30Z")))
        .isEqualTo(new CatchUp(Optional.of(at("2024-10-10T13:00:00Z")), Optional.empty()));
  }

  @Test
  void missedSlotsRunOnlyTheLatestAndReportTheRest() {
    CatchUp catchUp = HOURLY.catchUp(at("2024-10-10T12:00:00Z"), at("2024-10-10T16:10:00Z"));
    assertThat(catchUp.runs()).containsExactly(at("2024-10-10T16:00:00Z"));
    assertThat(catchUp.skipped()).contains(
        new CatchUp.Skipped(at("2024-10-10T13:00:00Z"), at("2024-10-10T15:00:00Z"), 3, false));
  }

  @Test
  void dueBetweenListsOnlyTheLatestMissedSlot() {
    assertThat(HOURLY.dueBetween(at("2024-10-10T12:00:00Z"), at("2024-10-11T00:00:00Z")))
        .containsExactly(at("2024-10-11T00:00:00Z"));
  }

  @Test
  void missedCronSlotsAreCounted() {
    CatchUp catchUp = CronSchedule.parse("0 */4 * * *").catchUp(at("2024-01-01T00:00:00Z"), at("2024-01-02T01:00:00Z"));
    assertThat(catchUp).isEqualTo(new CatchUp(Optional.of(at("2024-01-02T00:00:00Z")), Optional.of(
        new CatchUp.Skipped(at("2024-01-01T04:00:00Z"), at("2024-01-01T20:00:00Z"), 5, false))));
  }

  @Test
  void countingMissedCronSlotsStopsAtTheCap() {
    CatchUp.Skipped skipped = CronSchedule.parse("* * * * *")
        .catchUp(at("2024-01-01T00:00:00Z"), at("2024-03-01T00:00:00Z")).skipped().orElseThrow();
    assertThat(skipped.count()).isEqualTo(QuerySchedule.MAX_COUNTED_SLOTS);
    assertThat(skipped.countIsLowerBound()).isTrue();
    assertThat(skipped.last()).isEqualTo(at("2024-02-29T23:59:00Z"));
  }

  @Test
  void missedRateSlotsAreCountedExactlyPastTheCap() {
    CatchUp.Skipped skipped = new RateSchedule(1)
        .catchUp(at("2024-01-01T00:00:00Z"), at("2024-03-01T00:00:00Z")).skipped().orElseThrow();
    assertThat(skipped.count()).isEqualTo(60L * 24 * 60 - 1);
    assertThat(skipped.countIsLowerBound()).isFalse();
  }

  @Test
  void lastRunOffTheScheduleStillFindsTheNextSlot() {
    assertThat(HOURLY.catchUp(at("2024-10-10T12:30:00Z"), at("2024-10-10T14:05:00Z")))
        .isEqualTo(new CatchUp(Optional.of(at("2024-10-10T14:00:00Z")), Optional.of(
            new CatchUp.Skipped(at("2024-10-10T13:00:00Z"), at("2024-10-10T13:00:00Z"), 1, false))));
  }
}
