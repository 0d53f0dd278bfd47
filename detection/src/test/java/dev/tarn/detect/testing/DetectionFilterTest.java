package dev.tarn.detect.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionFilterTest {
  static final Detection RULE = Fixtures.detection(AnalysisType.RULE, "AWS.Root", true, true, Severity.HIGH,
      List.of("AWS.CloudTrail", "AWS.S3ServerAccess"), List.of("AWS", "Identity"), List.of(), "x = 1");
  static final Detection DISABLED_POLICY = Fixtures.detection(AnalysisType.POLICY, "AWS.S3.Public", false, true,
      Severity.LOW, List.of(), List.of(), List.of(), "x = 1");

  static boolean matches(String filter, Detection d) {
    return DetectionFilter.parse(filter).matches(d);
  }

  @Test
  void matchesAnyOfCommaSeparatedValues() {
    assertThat(matches("Severity=Critical,High", RULE)).isTrue();
    assertThat(matches("Severity=Critical,Medium", RULE)).isFalse();
  }

  @Test
  void matchesListKeysOnAnyElement() {
    assertThat(matches("LogTypes=AWS.S3ServerAccess", RULE)).isTrue();
    assertThat(matches("Tags=Identity", RULE)).isTrue();
    assertThat(matches("Tags=identity", RULE)).isFalse();
  }

  @Test
  void ruleIdDoesNotMatchPolicies() {
    assertThat(matches("RuleID=AWS.Root", RULE)).isTrue();
    assertThat(matches("RuleID=AWS.S3.Public", DISABLED_POLICY)).isFalse();
    assertThat(matches("PolicyID=AWS.S3.Public", DISABLED_POLICY)).isTrue();
  }

  @Test
  void readsBooleanFilterValuesLikePython() {
    assertThat(matches("Enabled=true", RULE)).isTrue();
    assertThat(matches("Enabled=False", DISABLED_POLICY)).isTrue();
    assertThat(matches("Enabled=yes", DISABLED_POLICY)).isFalse();
  }

  @Test
  void matchesSeverityInAnyCase() {
    assertThat(matches("Severity=high", RULE)).isTrue();
  }

  @Test
  void matchesAnalysisTypeByYamlName() {
    assertThat(matches("AnalysisType=policy,scheduled_rule", DISABLED_POLICY)).isTrue();
    assertThat(matches("AnalysisType=policy,scheduled_rule", RULE)).isFalse();
  }

  @Test
  void notEqualsInvertsTheMatch() {
    assertThat(matches("Severity!=High", RULE)).isFalse();
    assertThat(matches("Severity!=High", DISABLED_POLICY)).isTrue();
  }

  @Test
  void rejectsUnknownKeysNamingTheKnownOnes() {
    assertThatThrownBy(() -> DetectionFilter.parse("Sev=High")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown filter key 'Sev'; use one of AnalysisType, CreateAlert, DisplayName, Enabled, LogTypes,"
            + " OutputIds, PolicyID, ResourceTypes, RuleID, ScheduledQueries, Severity, Status, Tags");
  }

  @Test
  void rejectsFiltersWithoutAValue() {
    assertThatThrownBy(() -> DetectionFilter.parse("Severity=")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid filter 'Severity='; write KEY=VALUE[,VALUE…] or KEY!=VALUE[,VALUE…], e.g."
            + " Severity=High,Critical");
  }

  @Test
  void rejectsNonBooleanEnabledValues() {
    assertThatThrownBy(() -> DetectionFilter.parse("Enabled=maybe")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter Enabled=maybe is not a boolean; use true or false");
  }
}
