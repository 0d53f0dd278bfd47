package dev.tarn.runbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookCommandsTest {
  private static final Map<String, String> VARS = Map.of("TABLE", "aws_cloudtrail", "URL", "http://h:1");

  @Test
  void extractsOnlyTheLinesOfShellBlocksInDocumentOrder() {
    String doc = "text\n```shell\n./tarn a\n\n# a comment line\n./tarn b\n```\n```yaml\nkey: v\n```\n"
        + "```bash\n./tarn c\n```\n```shell\ncurl x\n```\n";

    assertThat(RunbookCommands.extract(doc, VARS)).extracting(RunbookCommand::text)
        .containsExactly("./tarn a", "./tarn b", "curl x");
  }

  @Test
  void expandsVariablesOutsideSingleQuotesOnly() {
    RunbookCommand c = RunbookCommands.parse(1,
        "./tarn sql \"select * from panther_logs.$TABLE where x = '$TABLE'\" '$TABLE' ${TABLE}_x", VARS);

    assertThat(c.words()).containsExactly("./tarn", "sql",
        "select * from panther_logs.aws_cloudtrail where x = 'aws_cloudtrail'", "$TABLE", "aws_cloudtrail_x");
  }

  @Test
  void joinsContinuedLinesAndStripsTrailingComments() {
    String doc = "```shell\ncurl -fsS \\\n  \"$URL/health\"   # is it up?\n```\n";

    List<RunbookCommand> commands = RunbookCommands.extract(doc, VARS);

    assertThat(commands).singleElement().satisfies(c -> {
      assertThat(c.words()).containsExactly("curl", "-fsS", "http://h:1/health");
      assertThat(c.line()).isEqualTo(2);
    });
  }

  @Test
  void marksCommandsThatRunUntilStopped() {
    assertThat(RunbookCommands.parse(1, "./tarn ingest   # runs until stopped", VARS).runsUntilStopped()).isTrue();
    assertThat(RunbookCommands.parse(1, "./tarn ingest --once", VARS).runsUntilStopped()).isFalse();
  }

  @Test
  void rejectsAVariableTheTestDoesNotBind() {
    assertThatThrownBy(() -> RunbookCommands.parse(7, "./tarn sql \"select $COLUMN\"", VARS))
        .hasMessageContaining("runbooks.md:7: unknown variable $COLUMN");
  }

  @Test
  void rejectsPipesAndRedirections() {
    assertThatThrownBy(() -> RunbookCommands.parse(3, "./tarn sql x | head", VARS))
        .hasMessageContaining("'|' would need a shell");
  }
}
