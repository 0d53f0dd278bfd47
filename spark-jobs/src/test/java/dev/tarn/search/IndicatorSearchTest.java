package dev.tarn.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.indicator.IndicatorKind;
import dev.tarn.search.SearchFixtures.Event;
import dev.tarn.testing.TestLake;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class IndicatorSearchTest {
  private static final String DB = "search_test_logs";
  static final TimeRange JUNE_3 = new TimeRange(Instant.parse("2024-06-03T00:00:00Z"),
      Instant.parse("2024-06-04T00:00:00Z"));

  @BeforeAll
  static void writeTables() {
    SearchFixtures fixtures = new SearchFixtures(TestLake.spark(), TestLake.lake(), DB);
    fixtures.table("AWS.CloudTrail", EnumSet.of(IndicatorKind.IP_ADDRESS, IndicatorKind.AWS_ARN,
        IndicatorKind.USERNAME, IndicatorKind.AWS_ACCOUNT_ID), List.of(
        new Event("ConsoleLogin", "2024-06-03T10:00:00Z", "ct-1", Map.of(IndicatorKind.IP_ADDRESS,
            List.of("10.0.0.1", "10.0.0.2"), IndicatorKind.USERNAME, List.of("alice"))),
        new Event("GetObject", "2024-06-03T11:00:00Z", "ct-2", Map.of(IndicatorKind.IP_ADDRESS, List.of("10.0.0.1"))),
        new Event("PutObject", "2024-06-03T12:00:00Z", "ct-3", Map.of(IndicatorKind.IP_ADDRESS, List.of("10.0.0.9"))),
        new Event("ListBuckets", "2024-06-04T00:00:00Z", "ct-4", Map.of(IndicatorKind.IP_ADDRESS,
            List.of("10.0.0.1"))),
        new Event("AssumeRole", "2024-06-02T23:59:59Z", "ct-5", Map.of(IndicatorKind.IP_ADDRESS,
            List.of("10.0.0.1"))),
        // The latest event of its file: Delta keeps the file's maximum time truncated to 13:00:00.000.
        new Event("StopLogging", "2024-06-03T13:00:00.000500Z", "ct-6", Map.of(IndicatorKind.IP_ADDRESS,
            List.of("10.0.0.50")))));
    fixtures.table("Okta.SystemLog", EnumSet.of(IndicatorKind.IP_ADDRESS, IndicatorKind.EMAIL,
        IndicatorKind.USERNAME), List.of(
        new Event("user.session.start", "2024-06-03T09:00:00Z", "okta-1", Map.of(IndicatorKind.IP_ADDRESS,
            List.of("10.0.0.1"), IndicatorKind.EMAIL, List.of("alice@example.com"), IndicatorKind.USERNAME,
            List.of("alice")))));
    fixtures.table("AWS.VPCFlow", EnumSet.of(IndicatorKind.IP_ADDRESS), List.of(
        new Event("flow", "2024-06-03T08:00:00Z", "vpc-1", Map.of(IndicatorKind.IP_ADDRESS, List.of("10.0.0.7")))));
    fixtures.table("Custom.AllKinds", EnumSet.allOf(IndicatorKind.class), List.of(
        new Event("all", "2024-06-03T07:00:00Z", "all-1", Map.ofEntries(
            Map.entry(IndicatorKind.DOMAIN_NAME, List.of("api.example.com")),
            Map.entry(IndicatorKind.MD5, List.of("0123456789abcdef0123456789abcdef")),
            Map.entry(IndicatorKind.SHA1, List.of("0123456789abcdef0123456789abcdef01234567")),
            Map.entry(IndicatorKind.SHA256, List.of("ab".repeat(32))),
            Map.entry(IndicatorKind.TRACE_ID, List.of("trace-42")),
            Map.entry(IndicatorKind.AWS_ACCOUNT_ID, List.of("123456789012")),
            Map.entry(IndicatorKind.AWS_INSTANCE_ID, List.of("i-0abc")),
            Map.entry(IndicatorKind.AWS_ARN, List.of("arn:aws:iam::123456789012:user/bob")),
            Map.entry(IndicatorKind.AWS_TAG, List.of("env:prod")),
            Map.entry(IndicatorKind.EMAIL, List.of("bob@example.com")),
            Map.entry(IndicatorKind.USERNAME, List.of("bob"))))));
  }

  /** The three ways a search runs; every case must give the same result in each. */
  enum Mode {
    /** Local engine, no session running (as the CLI): Kernel reads everything. */
    LOCAL_WITHOUT_SPARK,
    /** Local engine in a running session: Kernel plans and reads pass one, Spark's Parquet reader pass two. */
    LOCAL,
    /** Spark jobs. */
    SPARK
  }

  private static SearchResult search(Mode mode, SearchKind kind, String value, TimeRange range) {
    return run(mode, IndicatorQuery.of(kind.indicator(value), range));
  }

  private static SearchResult run(Mode mode, IndicatorQuery query) {
    return runIn(mode, query.inDatabase(DB));
  }

  static SearchResult runIn(Mode mode, IndicatorQuery query) {
    SearchResult result = switch (mode) {
      case LOCAL_WITHOUT_SPARK -> IndicatorSearch.run(TestLake.lake(), query, SearchEngine.LOCAL,
          TestLake.spark().sparkContext().hadoopConfiguration(), ZoneOffset.UTC, () -> {
            throw new AssertionError("a local search asked for a SparkSession");
          });
      case LOCAL -> IndicatorSearch.run(TestLake.spark(), TestLake.lake(), query, SearchEngine.LOCAL);
      case SPARK -> IndicatorSearch.run(TestLake.spark(), TestLake.lake(), query, SearchEngine.SPARK);
    };
    assertThat(result.engine()).isEqualTo(mode == Mode.SPARK ? SearchEngine.SPARK : SearchEngine.LOCAL);
    return result;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void groupsMatchesByLogTypeWithCountsAndRows(Mode mode) {
    SearchResult result = search(mode, SearchKind.IP, "10.0.0.1", JUNE_3);

    assertThat(result.logTypes()).extracting(LogTypeMatches::logType, LogTypeMatches::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AWS.CloudTrail", 2L),
            org.assertj.core.groups.Tuple.tuple("Okta.SystemLog", 1L));
    assertThat(result.total()).isEqualTo(3);
    LogTypeMatches cloudTrail = result.logTypes().get(0);
    assertThat(cloudTrail.matches()).extracting(SearchMatch::rowId).containsExactly("ct-2", "ct-1");
    SearchMatch latest = cloudTrail.matches().get(0);
    assertThat(latest.eventTime()).isEqualTo(Instant.parse("2024-06-03T11:00:00Z"));
    assertThat(latest.sourceLabel()).isEqualTo("test source");
    assertThat(latest.eventJson()).isEqualTo("{\"eventName\":\"GetObject\"}");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void countsEventsOnlyInsideTheHalfOpenTimeRange(Mode mode) {
    SearchResult result = search(mode, SearchKind.IP, "10.0.0.1", new TimeRange(Instant.parse("2024-06-02T23:59:59Z"),
        Instant.parse("2024-06-03T10:00:00Z")));

    assertThat(result.logTypes()).extracting(LogTypeMatches::logType, LogTypeMatches::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AWS.CloudTrail", 1L),
            org.assertj.core.groups.Tuple.tuple("Okta.SystemLog", 1L));
    assertThat(result.logTypes().get(0).matches()).extracting(SearchMatch::rowId).containsExactly("ct-5");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void searchesOnlyTheRequestedLogTypes(Mode mode) {
    SearchResult result = run(mode, IndicatorQuery.of(SearchKind.IP.indicator("10.0.0.1"), JUNE_3)
        .withLogTypes(Set.of("Okta.SystemLog")));

    assertThat(result.tablesSearched()).containsExactly("okta_systemlog");
    assertThat(result.logTypes()).extracting(LogTypeMatches::logType).containsExactly("Okta.SystemLog");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void skipsTablesWhoseLogTypeLacksTheIndicatorColumn(Mode mode) {
    SearchResult result = search(mode, SearchKind.EMAIL, "alice@example.com", JUNE_3);

    assertThat(result.tablesWithoutColumn()).containsExactly("aws_cloudtrail", "aws_vpcflow");
    assertThat(result.tablesSearched()).containsExactly("custom_allkinds", "okta_systemlog");
    assertThat(result.logTypes()).extracting(LogTypeMatches::logType).containsExactly("Okta.SystemLog");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void limitsTheRowsPerLogTypeButNotTheCount(Mode mode) {
    SearchResult result = run(mode, IndicatorQuery.of(SearchKind.IP.indicator("10.0.0.1"), JUNE_3).withLimit(1));

    LogTypeMatches cloudTrail = result.logTypes().get(0);
    assertThat(cloudTrail.count()).isEqualTo(2);
    assertThat(cloudTrail.matches()).extracting(SearchMatch::rowId).containsExactly("ct-2");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void findsNothingForAnAbsentValue(Mode mode) {
    SearchResult result = search(mode, SearchKind.IP, "192.0.2.1", JUNE_3);

    assertThat(result.logTypes()).isEmpty();
    assertThat(result.total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void findsNothingInADatabaseWithoutTables(Mode mode) {
    SearchResult result = runIn(mode, IndicatorQuery.of(SearchKind.IP.indicator("10.0.0.1"), JUNE_3)
        .inDatabase("search_test_empty"));

    assertThat(result.tablesSearched()).isEmpty();
    assertThat(result.logTypes()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void findsAnEventMicrosecondsAfterTheStartOfTheRange(Mode mode) {
    SearchResult result = search(mode, SearchKind.IP, "10.0.0.50",
        new TimeRange(Instant.parse("2024-06-03T13:00:00.000400Z"), Instant.parse("2024-06-03T14:00:00Z")));

    assertThat(result.logTypes()).extracting(LogTypeMatches::logType, LogTypeMatches::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AWS.CloudTrail", 1L));
    assertThat(result.logTypes().get(0).matches().get(0).eventTime())
        .isEqualTo(Instant.parse("2024-06-03T13:00:00.000500Z"));
  }

  @Test
  void searchesASmallRangeInProcess() {
    SearchResult result = IndicatorSearch.run(TestLake.spark(), TestLake.lake(),
        IndicatorQuery.of(SearchKind.IP.indicator("10.0.0.1"), JUNE_3).inDatabase(DB));

    assertThat(result.engine()).isEqualTo(SearchEngine.LOCAL);
    assertThat(result.total()).isEqualTo(3);
  }

  @ParameterizedTest(name = "--{0} {1}")
  @CsvSource({
      "DOMAIN, api.example.com.",
      "HASH, 0123456789ABCDEF0123456789ABCDEF",
      "HASH, 0123456789abcdef0123456789abcdef01234567",
      "HASH, abababababababababababababababababababababababababababababababab",
      "TRACE_ID, trace-42",
      "AWS_ACCOUNT_ID, 123456789012",
      "INSTANCE_ID, i-0abc",
      "ARN, arn:aws:iam::123456789012:user/bob",
      "TAG, env:prod",
      "EMAIL, bob@example.com",
      "USERNAME, bob"})
  void findsTheEventByEachIndicatorKind(SearchKind kind, String value) {
    // One table holds every kind; reading only it keeps these eleven searches quick. Both engines take the column
    // from the same SearchKind, so the local one is enough here.
    SearchResult result = run(Mode.LOCAL_WITHOUT_SPARK, IndicatorQuery.of(kind.indicator(value), JUNE_3)
        .withLogTypes(Set.of("Custom.AllKinds")));

    assertThat(result.logTypes()).extracting(LogTypeMatches::logType).containsExactly("Custom.AllKinds");
    assertThat(result.logTypes().get(0).matches()).extracting(SearchMatch::rowId).containsExactly("all-1");
  }
}
