package dev.tarn.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PackLoaderTest {
  static final Path VALID = Path.of("src/test/resources/packs/valid");
  static DetectionPack pack;

  @BeforeAll
  static void load() {
    pack = PackLoader.load(List.of(VALID));
  }

  @Test
  void loadsEveryAnalysisTypeOfAValidPack() {
    assertThat(pack.detections()).extracting(Detection::id).containsExactly("Example.Correlation", "Example.Legacy",
        "Example.Policy", "Example.Scheduled", "Example.Rule", "Example.Simple");
    assertThat(pack.dataModels()).extracting(DataModel::id)
        .containsExactly("Example.DisabledDataModel", "Example.DataModel");
    assertThat(pack.globals()).extracting(GlobalModule::id).containsExactly("example_helpers");
    assertThat(pack.queries()).extracting(QueryDefinition::name)
        .containsExactly("Example Cron Query", "Example Saved Query", "Example Query");
    assertThat(pack.packs()).extracting(PackDefinition::id).containsExactly("Example.Pack");
    assertThat(pack.problems()).noneMatch(LoadProblem::isError);
  }

  @Test
  void readsRuleMetadataAndPythonSource() {
    Detection rule = pack.detection("Example.Rule");
    assertThat(rule.type()).isEqualTo(AnalysisType.RULE);
    assertThat(rule.enabled()).isTrue();
    assertThat(rule.displayName()).isEqualTo("Example rule");
    assertThat(rule.logTypes()).containsExactly("AWS.CloudTrail", "Okta.SystemLog");
    assertThat(rule.severity()).isEqualTo(Severity.HIGH);
    assertThat(rule.description()).isEqualTo("Fires on example events.");
    assertThat(rule.reference()).isEqualTo("https://example.com/ref");
    assertThat(rule.runbook()).isEqualTo("Check the user.");
    assertThat(rule.dedupPeriodMinutes()).isEqualTo(15);
    assertThat(rule.threshold()).isEqualTo(5);
    assertThat(rule.summaryAttributes()).containsExactly("p_any_ip_addresses");
    assertThat(rule.tags()).containsExactly("Example");
    assertThat(rule.status()).isEqualTo("Experimental");
    assertThat(rule.pythonFile()).isEqualTo(VALID.resolve("rules/example_rule.py").toAbsolutePath());
    assertThat(rule.pythonSource()).startsWith("def rule(event):");
    assertThat(rule.isSimple()).isFalse();
    assertThat(rule.isRunnable()).isTrue();
  }

  @Test
  void keepsReportIdsAsWritten() {
    assertThat(pack.detection("Example.Rule").reports())
        .containsExactly(Map.entry("MITRE ATT&CK", List.of("TA0001:T1078")), Map.entry("CIS", List.of("1.10", "3")));
  }

  @Test
  void appliesPantherDefaults() {
    Detection rule = pack.detection("Example.Legacy");
    assertThat(rule.displayName()).isEqualTo("Example.Legacy");
    assertThat(rule.dedupPeriodMinutes()).isEqualTo(60);
    assertThat(rule.threshold()).isEqualTo(1);
    assertThat(rule.createAlert()).isTrue();
    assertThat(rule.tags()).isEmpty();
    assertThat(rule.reports()).isEmpty();
    assertThat(rule.summaryAttributes()).isEmpty();
    assertThat(rule.outputIds()).isEmpty();
    assertThat(rule.tests()).isEmpty();
  }

  @Test
  void readsSimpleDetectionsWithTheirYamlSpecs() {
    Detection rule = pack.detection("Example.Simple");
    assertThat(rule.isSimple()).isTrue();
    assertThat(rule.pythonSource()).isNull();
    assertThat(rule.createAlert()).isFalse();
    assertThat(rule.alertTitle()).isEqualTo("Repo {repo} archived");
    assertThat(rule.detectionSpec())
        .isEqualTo(List.of(Map.of("KeyPath", "action", "Condition", "Equals", "Value", "repo.archived")));
    assertThat(rule.inlineFiltersSpec()).isEqualTo(List.of(Map.of("All", List.of())));
    assertThat(rule.alertContextSpec())
        .isEqualTo(List.of(Map.of("KeyName", "repo", "KeyValue", Map.of("KeyPath", "repo"))));
  }

  @Test
  void readsScheduledRulesWithTheirQueries() {
    Detection rule = pack.detection("Example.Scheduled");
    assertThat(rule.type()).isEqualTo(AnalysisType.SCHEDULED_RULE);
    assertThat(rule.scheduledQueries()).containsExactly("Example Query");
    assertThat(rule.logTypes()).isEmpty();
    assertThat(rule.enabled()).isFalse();
  }

  @Test
  void joinsAListOfReferencesOnePerLine() {
    assertThat(pack.detection("Example.Scheduled").reference())
        .isEqualTo("https://example.com/a\nhttps://example.com/b");
  }

  @Test
  void readsPolicyTestsWithTheirResource() {
    Detection policy = pack.detection("Example.Policy");
    assertThat(policy.resourceTypes()).containsExactly("AWS.S3.Bucket");
    assertThat(policy.tests()).containsExactly(
        new DetectionTest("Compliant", true, Map.of("Versioning", "Enabled"), List.of()));
  }

  @Test
  void loadsCorrelationRulesAsNotRunnable() {
    Detection rule = pack.detection("Example.Correlation");
    assertThat(rule.isRunnable()).isFalse();
    assertThat(rule.isSimple()).isFalse();
    assertThat(rule.tests()).singleElement().satisfies(t -> assertThat(t.input()).isEqualTo(Map.of("RuleOutputs",
        List.of(Map.of("ID", "First", "Matches", Map.of("p_alert_context.actor", Map.of("alice", List.of(0L)))),
            Map.of("ID", "Second")))));
  }

  @Test
  void keepsTheOnKeyOfCorrelationMatchesAString() {
    @SuppressWarnings("unchecked")
    Map<String, Object> sequence = ((List<Map<String, Object>>) pack.detection("Example.Correlation")
        .detectionSpec()).get(0);
    assertThat(sequence.get("Transitions").toString()).contains("Match=[{On=p_alert_context.actor}]");
  }

  @Test
  void readsDataModelPathAndMethodMappings() {
    DataModel model = pack.dataModelFor("AWS.CloudTrail");
    assertThat(model.id()).isEqualTo("Example.DataModel");
    assertThat(model.mappings()).containsExactly(new DataModel.Mapping("actor_user", "$.userIdentity.userName", null),
        new DataModel.Mapping("event_type", null, "get_event_type"));
    assertThat(model.pythonSource()).contains("def get_event_type");
  }

  @Test
  void readsQuerySchedules() {
    QueryDefinition rate = pack.queries().get(2);
    assertThat(rate.type()).isEqualTo(AnalysisType.SCHEDULED_QUERY);
    assertThat(rate.schedule()).isEqualTo(new QueryDefinition.Schedule(null, 60, 5));
    assertThat(rate.sql()).startsWith("SELECT count(*)");
    assertThat(rate.lookback()).isTrue();
    assertThat(rate.lookbackWindowSeconds()).isEqualTo(3600);
    assertThat(pack.queries().get(0).schedule()).isEqualTo(new QueryDefinition.Schedule("0 */4 * * *", null, 10));
    QueryDefinition saved = pack.queries().get(1);
    assertThat(saved.type()).isEqualTo(AnalysisType.SAVED_QUERY);
    assertThat(saved.enabled()).isTrue();
    assertThat(saved.schedule()).isNull();
  }

  @Test
  void readsGlobalsAndPacks() {
    assertThat(pack.globals().get(0).pythonSource()).contains("def helper");
    assertThat(pack.packs().get(0).ids()).contains("Example.Rule", "example_lookup").hasSize(7);
    assertThat(pack.packs().get(0).displayName()).isEqualTo("Example pack");
  }

  @Test
  void acceptsLookupTablesWithANotice() {
    assertThat(pack.problems()).filteredOn(p -> p.level() == LoadProblem.Level.NOTICE).singleElement()
        .satisfies(p -> {
          assertThat(p.file()).isEqualTo(VALID.resolve("lookup_tables/example_lookup.yml"));
          assertThat(p.id()).isEqualTo("example_lookup");
          assertThat(p.message()).isEqualTo("lookup tables are not supported yet: this one is accepted (pack"
              + " references to it resolve) but not loaded, so rules see no p_enrichment from it");
        });
  }

  @Test
  void warnsAboutPackIdsThatNoFileDefines() {
    assertThat(pack.problems()).filteredOn(p -> p.level() == LoadProblem.Level.WARNING).singleElement()
        .satisfies(p -> {
          assertThat(p.file()).isEqualTo(VALID.resolve("packs/example_pack.yml"));
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.message()).isEqualTo("PackDefinition.IDs names 1 id(s) that no loaded file defines:"
              + " Example.Missing. Load the directories that define them, or remove them from the pack");
        });
  }

  @Test
  void takesThePythonRuntimeFromTheNearestTarnPackFile() {
    assertThat(pack.detection("Example.Legacy").runtime()).isEqualTo("jython");
    assertThat(pack.detection("Example.Rule").runtime()).isNull();
  }

  @Test
  void skipsHiddenDirectories() {
    assertThat(pack.problems()).noneMatch(p -> p.file().toString().contains(".hidden"));
  }

  @Test
  void versionIsAShortHashOfTheYamlAndPythonText() {
    assertThat(pack.detections()).allSatisfy(d -> assertThat(d.version()).matches("[0-9a-f]{16}"));
    assertThat(pack.detections()).extracting(Detection::version).doesNotHaveDuplicates();
  }

  @Test
  void loadsTheSameDirectoryOnlyOnce() {
    DetectionPack twice = PackLoader.load(VALID, VALID.resolve("rules"));
    assertThat(twice.detections()).hasSize(6);
    assertThat(twice.problems()).noneMatch(LoadProblem::isError);
  }

  @Test
  void reportsAMissingDirectory() {
    Path missing = Path.of("src/test/resources/packs/does-not-exist");
    assertThat(PackLoader.load(missing).problems()).containsExactly(
        new LoadProblem(missing, 0, null, "no such directory; check the detections path", LoadProblem.Level.ERROR));
  }

  @Test
  void readsTestsWithMocks() {
    DetectionTest test = pack.detection("Example.Rule").tests().get(0);
    assertThat(test.name()).isEqualTo("YAML 1.2 values");
    assertThat(test.expectedResult()).isTrue();
    assertThat(test.mocks()).containsExactly(new DetectionTest.Mock("lookup", "{\"a\": 1}"),
        new DetectionTest.Mock("is_admin", true));
  }

  @Test
  void readsTestLogsWithYaml12Semantics() {
    Map<String, Object> log = pack.detection("Example.Rule").tests().get(0).input();
    assertThat(log).containsEntry("enabled", "off")
        .containsEntry("consent", "yes")
        .containsEntry("account", 1234567L)
        .containsEntry("duration", "1:30:00")
        .containsEntry("day", "2024-01-01")
        .containsEntry("hex", 31L)
        .containsEntry("grouped", 1000L)
        .containsEntry("ratio", 1.5)
        .containsEntry("flag", true)
        .containsEntry("nothing", null)
        .containsEntry("tilde", null)
        .containsEntry("quoted", "true")
        .containsEntry("On", "key")
        .containsEntry("list", Arrays.asList("a", 1L));
  }

  @Test
  void keepsTheKeyOrderOfTestLogs() {
    Map<String, Object> log = pack.detection("Example.Rule").tests().get(0).input();
    assertThat(log.keySet()).startsWith("enabled", "consent", "account");
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) log.get("nested");
    assertThat(nested.keySet()).containsExactly("b", "a");
  }
}
