package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

  /** Thursday. */
  private static final Instant THURSDAY_NOON = Instant.parse("2024-10-10T12:00:00Z");

  private static List<String> nextSlots(String expression, Instant from, int count) {
    CronSchedule cron = CronSchedule.parse(expression);
    List<String> slots = new ArrayList<>();
    Instant slot = from;
    for (int i = 0; i < count; i++) {
      slot = cron.next(slot);
      slots.add(slot.toString());
    }
    return slots;
  }

  @Test
  void everyMinuteFiresOnEachMinute() {
    assertThat(nextSlots("* * * * *", THURSDAY_NOON, 2))
        .containsExactly("2024-10-10T12:01:00Z", "2024-10-10T12:02:00Z");
  }

  @Test
  void dailyAtMidnightFiresAtMidnightUtc() {
    assertThat(nextSlots("0 0 * * *", THURSDAY_NOON, 2))
        .containsExactly("2024-10-11T00:00:00Z", "2024-10-12T00:00:00Z");
  }

  @Test
  void stepOnAWildcardFiresOnMultiples() {
    assertThat(nextSlots("0 */4 * * *", THURSDAY_NOON, 3))
        .containsExactly("2024-10-10T16:00:00Z", "2024-10-10T20:00:00Z", "2024-10-11T00:00:00Z");
  }

  @Test
  void listFiresOnEachValue() {
    assertThat(nextSlots("5,20,40 12 * * *", THURSDAY_NOON, 4)).containsExactly(
        "2024-10-10T12:05:00Z", "2024-10-10T12:20:00Z", "2024-10-10T12:40:00Z", "2024-10-11T12:05:00Z");
  }

  @Test
  void rangeFiresOnEachValueInIt() {
    assertThat(nextSlots("0 22-23 * * *", THURSDAY_NOON, 3))
        .containsExactly("2024-10-10T22:00:00Z", "2024-10-10T23:00:00Z", "2024-10-11T22:00:00Z");
  }

  @Test
  void stepOnARangeFiresOnEveryNthValueOfIt() {
    assertThat(nextSlots("0 0 1-5/2 * *", THURSDAY_NOON, 3))
        .containsExactly("2024-11-01T00:00:00Z", "2024-11-03T00:00:00Z", "2024-11-05T00:00:00Z");
  }

  @Test
  void dayNamesAreCaseInsensitive() {
    assertThat(nextSlots("*/15 9-17 * * mon-FRI", Instant.parse("2024-10-11T17:45:00Z"), 2))
        .containsExactly("2024-10-14T09:00:00Z", "2024-10-14T09:15:00Z");
  }

  @Test
  void monthNamesAndListsCombine() {
    assertThat(nextSlots("0 12 1 jan,DEC *", THURSDAY_NOON, 2))
        .containsExactly("2024-12-01T12:00:00Z", "2025-01-01T12:00:00Z");
  }

  @Test
  void sundayIsBothZeroAndSeven() {
    assertThat(nextSlots("0 0 * * 0", THURSDAY_NOON, 1)).isEqualTo(nextSlots("0 0 * * 7", THURSDAY_NOON, 1))
        .containsExactly("2024-10-13T00:00:00Z");
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekFireOnEither() {
    assertThat(nextSlots("30 4 1,15 * 5", THURSDAY_NOON, 4)).containsExactly(
        "2024-10-11T04:30:00Z", "2024-10-15T04:30:00Z", "2024-10-18T04:30:00Z", "2024-10-25T04:30:00Z");
  }

  @Test
  void stepOfOneOnDayOfMonthCountsAsUnrestricted() {
    assertThat(nextSlots("0 0 */1 * 3", THURSDAY_NOON, 2))
        .containsExactly("2024-10-16T00:00:00Z", "2024-10-23T00:00:00Z");
  }

  @Test
  void leapDayFiresOnlyInLeapYears() {
    assertThat(nextSlots("0 12 29 2 *", Instant.parse("2024-03-01T00:00:00Z"), 1))
        .containsExactly("2028-02-29T12:00:00Z");
  }

  @Test
  void nextIsStrictlyAfterASlot() {
    assertThat(CronSchedule.parse("0 * * * *").next(Instant.parse("2024-10-10T12:00:00Z")))
        .isEqualTo(Instant.parse("2024-10-10T13:00:00Z"));
  }

  @Test
  void nextFromWithinAMinuteSkipsThatMinute() {
    assertThat(CronSchedule.parse("* * * * *").next(Instant.parse("2024-10-10T12:00:30Z")))
        .isEqualTo(Instant.parse("2024-10-10T12:01:00Z"));
  }

  @Test
  void nextCrossesTheYearBoundary() {
    assertThat(CronSchedule.parse("0 0 1 1 *").next(Instant.parse("2025-12-31T23:59:59Z")))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void previousOfASlotIsTheSlotItself() {
    assertThat(CronSchedule.parse("0 0 1 1 *").previous(Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void previousFromWithinASlotMinuteIsThatSlot() {
    assertThat(CronSchedule.parse("0 * * * *").previous(Instant.parse("2024-10-10T12:00:59.999Z")))
        .isEqualTo(Instant.parse("2024-10-10T12:00:00Z"));
  }

  @Test
  void previousCrossesTheYearBoundaryBackwards() {
    assertThat(CronSchedule.parse("0 0 1 1 *").previous(Instant.parse("2025-12-31T23:59:59Z")))
        .isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void previousCrossesMonthEnds() {
    assertThat(CronSchedule.parse("0 6 31 * *").previous(Instant.parse("2024-10-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2024-08-31T06:00:00Z"));
  }

  @Test
  void windowRunsFromThePreviousSlot() {
    assertThat(CronSchedule.parse("0 0 * * 1-5").window(Instant.parse("2024-10-14T00:00:00Z")))
        .isEqualTo(new RunWindow(Instant.parse("2024-10-11T00:00:00Z"), Instant.parse("2024-10-14T00:00:00Z")));
  }

  @Test
  void extraWhitespaceIsIgnored() {
    assertThat(CronSchedule.parse("  0   */4 * *\t* ").expression()).isEqualTo("0 */4 * * *");
  }

  @ParameterizedTest
  @ValueSource(strings = {"* * * *", "0 0 * * * *", "60 * * * *", "0 24 * * *", "0 0 0 * *", "0 0 * 13 *",
      "0 0 * * 8", "0 0 * * funday", "0 0 L * *", "@daily", "a b c d e"})
  void invalidExpressionsAreRejectedWithTheExpectedForm(String expression) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid CronExpression '" + expression + "': ")
        .hasMessageEndingWith("expected 5 fields 'minute hour day-of-month month day-of-week' in UTC,"
            + " e.g. '0 0 * * *' (daily at midnight) or '*/15 9-17 * * mon-fri'");
  }

  @Test
  void expressionThatNeverFiresIsRejected() {
    assertThatThrownBy(() -> CronSchedule.parse("0 0 30 2 *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid CronExpression '0 0 30 2 *': it never fires (no such day);"
            + " check the day-of-month and month fields");
  }
}
