package dev.tarn.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleDetectionTest {
  static final String SPEC = """
      Detection:
        - Key: action
          Condition: Equals
          Value: repo.archived
      InlineFilters:
        - KeyPath: actor.type
          Condition: DoesNotEqual
          Value: Bot
      AlertTitle: Repository [{repo}] archived
      AlertContext:
        - KeyName: repo
          KeyValue: {Key: repo}
        - KeyName: login
          KeyValue: {KeyPath: actor.login}
        - KeyName: first_ip
          KeyValue: {DeepKey: [ips, 0]}
      DynamicSeverities:
        - ChangeTo: Critical
          Conditions:
            - {Key: repo, Condition: StartsWith, Value: acme/prod}
        - ChangeTo: high
          Conditions:
            - {Key: repo, Condition: StartsWith, Value: acme/}
      """;

  static final Map<String, Object> PROD = Yaml.event("""
      {"action": "repo.archived", "repo": "acme/prod-api", "actor": {"login": "alice", "type": "User"},
       "ips": ["1.2.3.4"]}
      """);

  @Test
  void matchesWhenFiltersAndDetectionHold() {
    assertThat(detection(SPEC).matches(PROD)).isTrue();
  }

  @Test
  void inlineFiltersExcludeEvents() {
    Map<String, Object> bot = Yaml.event("{\"action\": \"repo.archived\", \"actor\": {\"type\": \"Bot\"}}");
    assertThat(detection(SPEC).matches(bot)).isFalse();
  }

  @Test
  void rendersTheTitle() {
    assertThat(detection(SPEC).title(PROD)).isEqualTo("Repository [acme/prod-api] archived");
  }

  @Test
  void fallsBackToTheDisplayNameWithoutAlertTitle() {
    SimpleDetection d = detection("Detection: [{Condition: AlwaysTrue}]");
    assertThat(d.title(PROD)).isEqualTo("Archived repos");
  }

  @Test
  void buildsTheAlertContextInOrderWithNullsForMissingValues() {
    Map<String, Object> context = detection(SPEC).alertContext(Yaml.event("{\"repo\": \"r\"}"));
    assertThat(context).containsExactly(Map.entry("repo", "r"), entry("login", null), entry("first_ip", null));
  }

  @Test
  void firstMatchingDynamicSeverityWins() {
    assertThat(detection(SPEC).severity(PROD)).isEqualTo(Severity.CRITICAL);
    assertThat(detection(SPEC).severity(Yaml.event("{\"repo\": \"acme/docs\"}"))).isEqualTo(Severity.HIGH);
  }

  @Test
  void keepsTheBaseSeverityWhenNoDynamicSeverityMatches() {
    assertThat(detection(SPEC).severity(Yaml.event("{\"repo\": \"other/x\"}"))).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void namesTheDynamicSeverityThatIsWrong() {
    assertThatThrownBy(() -> detection(SPEC.replace("ChangeTo: high", "ChangeTo: Urgent")))
        .isInstanceOf(MatchSyntaxException.class).hasMessage(
            "DynamicSeverities[1].ChangeTo: the text 'Urgent' is not a severity; expected one of Info, Low, Medium, "
                + "High, Critical");
  }

  @Test
  void namesTheConditionPathInsideADynamicSeverity() {
    assertThatThrownBy(() -> detection(SPEC.replace("Condition: StartsWith, Value: acme/prod",
        "Condition: StartWith, Value: acme/prod"))).hasMessage(
            "DynamicSeverities[0].Conditions[0]: unknown Condition 'StartWith'; did you mean 'StartsWith'?");
  }

  @Test
  void rejectsDuplicateAlertContextNames() {
    assertThatThrownBy(() -> detection(SPEC.replace("KeyName: login", "KeyName: repo")))
        .hasMessage("AlertContext[1].KeyName: 'repo' is used twice; KeyNames must be unique");
  }

  @Test
  void suggestsTheClosestKeyForAMisspelledAlertContextKey() {
    assertThatThrownBy(() -> detection(SPEC.replace("KeyName: login", "KeyNme: login")))
        .hasMessage("AlertContext[1]: unknown key 'KeyNme'; did you mean 'KeyName'?");
  }

  @Test
  void namesTheMissingKeyOfADynamicSeverity() {
    assertThatThrownBy(() -> detection(SPEC.replace("- ChangeTo: high\n    Conditions:", "- Conditions:")))
        .hasMessage("DynamicSeverities[1]: missing ChangeTo; each entry has ChangeTo and Conditions");
  }

  @Test
  void rejectsAnAlertContextWithoutAKeySpecifier() {
    assertThatThrownBy(() -> detection(SPEC.replace("KeyValue: {Key: repo}", "KeyValue: {Value: repo}")))
        .hasMessage("AlertContext[0].KeyValue: expected exactly one key specifier (Key, DeepKey or KeyPath), got Value");
  }

  @Test
  void readsInlineFiltersOfAnyDetection() {
    Detection python = detectionRecord(Map.of("InlineFilters", Yaml.load("[{Key: a, Condition: Exists}]")), "pass");
    assertThat(MatchEvaluator.matches(SimpleDetection.inlineFilters(python), Map.of("a", 1))).isTrue();
    assertThat(MatchEvaluator.matches(SimpleDetection.inlineFilters(python), Map.of())).isFalse();
  }

  @Test
  void refusesAPythonRule() {
    Detection python = detectionRecord(Map.of(), "def rule(e): return True");
    assertThatThrownBy(() -> SimpleDetection.of(python)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Test.Repo.Archived is not a simple detection (it has no Detection: expressions)");
  }

  private static Map.Entry<String, Object> entry(String k, Object v) {
    return new java.util.AbstractMap.SimpleEntry<>(k, v);
  }

  @SuppressWarnings("unchecked")
  static SimpleDetection detection(String yaml) {
    return SimpleDetection.of(detectionRecord((Map<String, Object>) Yaml.load(yaml), null));
  }

  static Detection detectionRecord(Map<String, Object> spec, String python) {
    return new Detection(AnalysisType.RULE, "Test.Repo.Archived", true, Path.of("rule.yml"), null, python,
        python == null ? spec.get("Detection") : null, spec.get("InlineFilters"), spec.get("AlertContext"),
        spec.get("DynamicSeverities"), (String) spec.get("AlertTitle"), List.of("GitHub.Audit"), List.of(), List.of(),
        Severity.MEDIUM, "Archived repos", null, null, null, 60, 1, List.of(), List.of(), Map.of(), true, List.of(),
        null, List.of(), null, "v1");
  }
}
