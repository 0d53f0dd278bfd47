package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PantherMacrosTest {

  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  private static String expand(String sql) {
    return PantherMacros.expand(sql, NOW);
  }

  @Test
  void sinceWithSecondsSelectsTheWindowEndingAtNow() {
    assertThat(expand("SELECT * FROM t WHERE p_occurs_since(3600) AND x = 1")).isEqualTo(
        "SELECT * FROM t WHERE (p_event_time >= TIMESTAMP '2026-11-23 05:00:00Z'"
            + " AND p_event_time < TIMESTAMP '2026-11-23 06:00:00Z' AND p_date = DATE '2026-11-23') AND x = 1");
  }

  @Test
  void sinceSpanningMidnightPrunesBothDates() {
    assertThat(expand("p_occurs_since('1 day')")).isEqualTo(
        "(p_event_time >= TIMESTAMP '2026-11-22 06:00:00Z' AND p_event_time < TIMESTAMP '2026-11-23 06:00:00Z'"
            + " AND p_date BETWEEN DATE '2026-11-22' AND DATE '2026-11-23')");
  }

  @Test
  void sinceEndingAtMidnightDoesNotReadTheDayThatStartsThen() {
    assertThat(PantherMacros.expand("p_occurs_since('24 hours')", Instant.parse("2026-11-23T00:00:00Z"))).isEqualTo(
        "(p_event_time >= TIMESTAMP '2026-11-22 00:00:00Z' AND p_event_time < TIMESTAMP '2026-11-23 00:00:00Z'"
            + " AND p_date = DATE '2026-11-22')");
  }

  @Test
  void sinceAcceptsCompactOffsets() {
    assertThat(expand("p_occurs_since('15m')")).startsWith("(p_event_time >= TIMESTAMP '2026-11-23 05:45:00Z'");
    assertThat(expand("p_occurs_since('2 weeks')")).startsWith("(p_event_time >= TIMESTAMP '2026-11-09 06:00:00Z'");
  }

  @Test
  void sinceAcceptsAnUnquotedNumberAndUnit() {
    assertThat(expand("p_occurs_since(6 hours)")).isEqualTo(expand("p_occurs_since('6 hours')"));
  }

  @Test
  void tableAliasQualifiesEventTimeAndPartitionColumns() {
    assertThat(expand("p_occurs_since('6 hours', ct1)")).isEqualTo(
        "(ct1.p_event_time >= TIMESTAMP '2026-11-23 00:00:00Z' AND ct1.p_event_time < TIMESTAMP '2026-11-23 06:00:00Z'"
            + " AND ct1.p_date = DATE '2026-11-23')");
  }

  @Test
  void backQuotedAliasIsKeptQuoted() {
    assertThat(expand("p_occurs_since(60, `my logs`)"))
        .startsWith("(`my logs`.p_event_time >= ").endsWith("`my logs`.p_date = DATE '2026-11-23')");
  }

  @Test
  void columnArgumentFiltersThatColumnWithoutPartitionPruning() {
    assertThat(expand("p_occurs_since('1d', t, p_parse_time)")).isEqualTo(
        "(t.p_parse_time >= TIMESTAMP '2026-11-22 06:00:00Z' AND t.p_parse_time < TIMESTAMP '2026-11-23 06:00:00Z')");
  }

  @Test
  void columnArgumentNamingEventTimeStillPrunesPartitions() {
    assertThat(expand("p_occurs_since('1d', t, P_EVENT_TIME)")).endsWith("AND t.p_date BETWEEN"
        + " DATE '2026-11-22' AND DATE '2026-11-23')");
  }

  @Test
  void betweenIncludesBothEnds() {
    assertThat(expand("p_occurs_between('2024-01-01', '2024-01-02 15:04:05.000')")).isEqualTo(
        "(p_event_time >= TIMESTAMP '2024-01-01 00:00:00Z' AND p_event_time <= TIMESTAMP '2024-01-02 15:04:05Z'"
            + " AND p_date BETWEEN DATE '2024-01-01' AND DATE '2024-01-02')");
  }

  @Test
  void betweenConvertsZonedTimestampsToUtc() {
    assertThat(expand("p_occurs_between('2024-03-20T00:30:00+02:00', '2024-03-20T23:59:59Z', t)")).isEqualTo(
        "(t.p_event_time >= TIMESTAMP '2024-03-19 22:30:00Z' AND t.p_event_time <= TIMESTAMP '2024-03-20 23:59:59Z'"
            + " AND t.p_date BETWEEN DATE '2024-03-19' AND DATE '2024-03-20')");
  }

  @Test
  void aroundSpansTheOffsetOnBothSides() {
    assertThat(expand("p_occurs_around('2024-01-15T10:30:00Z', '1 h', t)")).isEqualTo(
        "(t.p_event_time >= TIMESTAMP '2024-01-15 09:30:00Z' AND t.p_event_time <= TIMESTAMP '2024-01-15 11:30:00Z'"
            + " AND t.p_date = DATE '2024-01-15')");
  }

  @Test
  void afterBoundsOnlyTheStart() {
    assertThat(expand("p_occurs_after('2024-01-01 12:00:00')")).isEqualTo(
        "(p_event_time >= TIMESTAMP '2024-01-01 12:00:00Z' AND p_date >= DATE '2024-01-01')");
  }

  @Test
  void beforeExcludesTheTimestampAndTheDayStartingAtIt() {
    assertThat(expand("p_occurs_before('2024-01-02', t)")).isEqualTo(
        "(t.p_event_time < TIMESTAMP '2024-01-02 00:00:00Z' AND t.p_date <= DATE '2024-01-01')");
  }

  @Test
  void fractionalSecondsAreRoundedToTheMicrosecondThatSelectsTheSameEvents() {
    Instant now = Instant.parse("2026-11-23T06:00:00.123456789Z");
    assertThat(PantherMacros.expand("p_occurs_since(60)", now)).isEqualTo(
        "(p_event_time >= TIMESTAMP '2026-11-23 05:59:00.123457Z'"
            + " AND p_event_time < TIMESTAMP '2026-11-23 06:00:00.123457Z' AND p_date = DATE '2026-11-23')");
  }

  @Test
  void millisecondTimestampsKeepThreeFractionDigits() {
    assertThat(expand("p_occurs_after('2021-01-21T11:15:54.346Z')"))
        .startsWith("(p_event_time >= TIMESTAMP '2021-01-21 11:15:54.346Z'");
  }

  @Test
  void expandsEveryMacroOfAQueryAndKeepsTheRestVerbatim() {
    String sql = """
        select ct1.eventName, ct2.eventName
        from panther_logs.aws_cloudtrail ct1
        join panther_logs.aws_cloudtrail ct2 on (ct1.x = ct2.x and (ct2.y in (1, 2)))
        where p_occurs_since('1 day',ct2)  -- apply to ct2
          and P_Occurs_Since ( '24 hours' , ct1 )
        """;
    assertThat(expand(sql)).isEqualTo("""
        select ct1.eventName, ct2.eventName
        from panther_logs.aws_cloudtrail ct1
        join panther_logs.aws_cloudtrail ct2 on (ct1.x = ct2.x and (ct2.y in (1, 2)))
        where (ct2.p_event_time >= TIMESTAMP '2026-11-22 06:00:00Z' AND ct2.p_event_time < TIMESTAMP \
        '2026-11-23 06:00:00Z' AND ct2.p_date BETWEEN DATE '2026-11-22' AND DATE '2026-11-23')  -- apply to ct2
          and (ct1.p_event_time >= TIMESTAMP '2026-11-22 06:00:00Z' AND ct1.p_event_time < TIMESTAMP \
        '2026-11-23 06:00:00Z' AND ct1.p_date BETWEEN DATE '2026-11-22' AND DATE '2026-11-23')
        """);
  }

  @Test
  void expansionIsParenthesizedSoItCombinesSafelyWithOrAndNot() {
    assertThat(expand("NOT p_occurs_after('2024-01-01') OR x"))
        .isEqualTo("NOT (p_event_time >= TIMESTAMP '2024-01-01 00:00:00Z' AND p_date >= DATE '2024-01-01') OR x");
  }

  @Test
  void queryWithoutMacrosIsReturnedUnchanged() {
    String sql = "SELECT p_event_time FROM t WHERE p_event_time > current_timestamp() - INTERVAL 1 DAY";
    assertThat(expand(sql)).isEqualTo(sql);
  }
}
