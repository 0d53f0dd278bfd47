package dev.tarn.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new GenerateCommand());
    command.setOut(new PrintWriter(stdout));
    command.setErr(new PrintWriter(stderr));
    return command.execute(args);
  }

  @Test
  void writesTheSelectedTypesAndPrintsASummary(@TempDir Path out) {
    int exit = run("--out", out.toString(), "--events", "100", "--types", "cloudtrail,github", "--gzip",
        "--scenarios", "root-console-login,github-repo-public", "--start", "2024-07-01", "--duration", "30m");

    assertThat(exit).isZero();
    assertThat(GeneratedFiles.tree(out)).extracting(path -> path.getName(0).toString())
        .containsExactlyInAnyOrder("aws_cloudtrail", "github_audit");
    assertThat(stdout.toString())
        .contains("Wrote 2 files, 200 events")
        .contains("AWS.CloudTrail").contains("GitHub.Audit")
        .contains("root-console-login").contains("github-repo-public")
        .doesNotContain("console-brute-force");
  }

  @Test
  void reportsABadOptionValueWithoutAStackTrace(@TempDir Path out) {
    int exit = run("--out", out.toString(), "--types", "syslog");

    assertThat(exit).isEqualTo(2);
    assertThat(stderr.toString()).contains("Unknown log type: 'syslog'").doesNotContain("\tat ");
  }

  @Test
  void reportsAnUnwritableOutputDirectory(@TempDir Path dir) throws java.io.IOException {
    Path file = java.nio.file.Files.writeString(dir.resolve("not-a-directory"), "x");

    int exit = run("--out", file.toString(), "--events", "10", "--types", "github");

    assertThat(exit).isEqualTo(1);
    assertThat(stderr.toString()).contains("Cannot write logs under " + file);
  }

  @Test
  void mapsEveryOptionOntoGeneratorOptions() {
    GenerateCommand command = new GenerateCommand();
    new CommandLine(command).parseArgs("--seed", "9", "--events", "10", "--events-for", "vpcflow=70",
        "--size", "2MB", "--files", "3", "--rate", "5", "--cloudtrail-records", "--scenarios", "none");

    GeneratorOptions options = command.options();
    assertThat(options.seed()).isEqualTo(9);
    assertThat(options.eventsFor(LogType.VPC_FLOW)).isEqualTo(70);
    assertThat(options.eventsFor(LogType.OKTA_SYSTEM_LOG)).isEqualTo(10);
    assertThat(options.cloudTrailBytes()).isEqualTo(2L << 20);
    assertThat(options.filesPerType()).isEqualTo(3);
    assertThat(options.eventsPerSecond()).isEqualTo(5.0);
    assertThat(options.cloudTrailRecords()).isTrue();
    assertThat(options.scenarios()).isEmpty();
    assertThat(options.start()).isEqualTo(GeneratorOptions.DEFAULT_START);
  }

  @Test
  void durationsAcceptShortAndIsoForms() {
    GenerateCommand.DurationConverter converter = new GenerateCommand.DurationConverter();

    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(converter.convert("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(converter.convert("PT6H")).isEqualTo(Duration.ofHours(6));
    assertThatThrownBy(() -> converter.convert("6 hours")).hasMessageContaining("Invalid duration: '6 hours'");
  }
}
