package dev.tarn.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad file becomes one exact problem, and the good files next to it still load. */
class PackLoaderProblemsTest {
  static final Path BAD = Path.of("src/test/resources/packs/bad");
  static DetectionPack pack;

  @BeforeAll
  static void load() {
    pack = PackLoader.load(BAD);
  }

  static LoadProblem problemOf(String fileName) {
    return pack.problems().stream().filter(p -> p.file().equals(BAD.resolve(fileName))).reduce((a, b) -> {
      throw new AssertionError("more than one problem for " + fileName + ": " + a + " / " + b);
    }).orElseThrow(() -> new AssertionError("no problem for " + fileName + " in " + pack.problems()));
  }

  @Test
  void goodFilesNextToBadOnesStillLoad() {
    assertThat(pack.detections()).extracting(Detection::id).containsExactly("Bad.Duplicate", "Bad.Dir.Good");
    assertThat(pack.dataModels()).extracting(DataModel::id).containsExactly("Bad.ModelA");
  }

  @Test
  void everyProblemIsAnError() {
    assertThat(pack.problems()).hasSize(18).allMatch(LoadProblem::isError);
  }

  @Test
  void rejectsUnknownKeysNamingTheAllowedOnes() {
    LoadProblem p = problemOf("unknown_key.yml");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.id()).isEqualTo("Bad.UnknownKey");
    assertThat(p.message()).isEqualTo("unknown key 'Severty' in a rule; allowed keys: AlertContext, AlertTitle,"
        + " AnalysisType, BaseVersion, CreateAlert, CreatedBy, DedupPeriodMinutes, Description, Detection,"
        + " DisplayName, DynamicSeverities, Enabled, Filename, GroupBy, InlineFilters, LogTypes, OnlyUseBaseRiskScore,"
        + " OutputIds, Reference, Reports, RuleID, Runbook, ScheduledQueries, Severity, Status, SummaryAttributes,"
        + " Tags, Tests, Threshold. Check the spelling or remove it");
  }

  @Test
  void reportsAMissingPythonFileWithItsPath() {
    LoadProblem p = problemOf("missing_file.yml");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).isEqualTo("Filename 'does_not_exist.py' not found: expected the file "
        + BAD.resolve("does_not_exist.py").toAbsolutePath() + " (Filename is relative to the directory of this YAML"
        + " file); fix the name or add the file");
  }

  @Test
  void reportsDuplicateIdsWithBothFiles() {
    LoadProblem p = problemOf("dup_b.yml");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).isEqualTo("duplicate id 'Bad.Duplicate': " + BAD.resolve("dup_a.yml") + ":3 already"
        + " defines a rule with this id. Ids must be unique across all loaded directories; rename one of them (this"
        + " file was skipped)");
    assertThat(pack.detection("Bad.Duplicate").type()).isEqualTo(AnalysisType.RULE);
  }

  @Test
  void reportsDataModelConflictsWithBothFiles() {
    LoadProblem p = problemOf("model_b.yml");
    assertThat(p.id()).isEqualTo("Bad.ModelB");
    assertThat(p.message()).isEqualTo("data model conflict: log type AWS.CloudTrail already has the enabled data"
        + " model Bad.ModelA (" + BAD.resolve("model_a.yml") + ":2). A log type can have one enabled data model;"
        + " disable or merge one of them (this data model was skipped)");
  }

  @Test
  void requiresExactlyOneOfPathAndMethodPerMapping() {
    assertThat(problemOf("model_both.yml").message()).isEqualTo("both Mappings[0].Path and Mappings[0].Method are"
        + " set; a mapping reads a field (Path) or calls a Python function of the data model's Filename (Method),"
        + " keep one of them");
  }

  @Test
  void acceptsOnlyPanthersSeveritySpellings() {
    LoadProblem p = problemOf("bad_severity.yml");
    assertThat(p.line()).isEqualTo(6);
    assertThat(p.message())
        .isEqualTo("invalid Severity 'high'; use one of Info, Low, Medium, High, Critical (write it as High)");
  }

  @Test
  void rejectsARateOfOneMinute() {
    assertThat(problemOf("bad_schedule_rate.yml").message())
        .isEqualTo("Schedule.RateMinutes must be greater than 1, found 1");
  }

  @Test
  void rejectsARateShorterThanTheTimeout() {
    assertThat(problemOf("bad_schedule_timeout.yml").message()).isEqualTo("Schedule.RateMinutes (10) must be at"
        + " least TimeoutMinutes (15): a run must end before the next one starts");
  }

  @Test
  void rejectsASchedulewithBothCronAndRate() {
    assertThat(problemOf("bad_schedule_both.yml").message()).isEqualTo("both Schedule.CronExpression and"
        + " Schedule.RateMinutes are set; a schedule runs on a cron expression or every RateMinutes minutes, keep one"
        + " of them");
  }

  @Test
  void readsYesAsAStringSoItIsNotABoolean() {
    assertThat(problemOf("enabled_yes.yml").message()).isEqualTo("Enabled must be true or false, found 'yes'"
        + " (YAML 1.2 reads only true/false as booleans, not yes/no/on/off)");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirLine() {
    LoadProblem p = problemOf("not_yaml.yml");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).isEqualTo("not valid YAML: while parsing a flow sequence: expected ',' or ']', but got"
        + " <stream end> (fix the syntax near this line)");
  }

  @Test
  void rejectsIdsWithForbiddenCharacters() {
    assertThat(problemOf("bad_id.yml").message()).isEqualTo("RuleID 'Bad<Id>' is not allowed: it must be non-empty"
        + " and must not contain any of < > & \" %");
  }

  @Test
  void requiresFilenameXorDetection() {
    assertThat(problemOf("both_code.yml").message()).isEqualTo("both Filename and Detection are set; a rule is"
        + " either Python (Filename) or a simple YAML detection (Detection), keep one of them");
  }

  @Test
  void requiresLogTypesForStreamingRules() {
    assertThat(problemOf("rule_with_queries.yml").message())
        .isEqualTo("a rule needs LogTypes (ScheduledQueries is for AnalysisType scheduled_rule)");
  }

  @Test
  void requiresIntegersForDedupPeriod() {
    assertThat(problemOf("dedup_text.yml").message()).isEqualTo("DedupPeriodMinutes must be a whole number, found"
        + " '60m'");
  }

  @Test
  void reportsTheTestThatLacksARequiredKey() {
    LoadProblem p = problemOf("bad_test.yml");
    assertThat(p.line()).isEqualTo(11);
    assertThat(p.message()).isEqualTo("missing required key 'Tests[1].ExpectedResult'");
  }

  @Test
  void rejectsUnknownAnalysisTypes() {
    assertThat(problemOf("unknown_type.yml").message()).isEqualTo("unknown AnalysisType 'detection'; use one of"
        + " rule, scheduled_rule, policy, correlation_rule, datamodel, global, pack, saved_query, scheduled_query,"
        + " lookup_table");
  }

  @Test
  void rejectsEmptyFiles() {
    assertThat(problemOf("empty.yml").message())
        .isEqualTo("the file is empty; a spec needs AnalysisType and the keys of its type");
  }
}
