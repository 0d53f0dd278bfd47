package dev.tarn.cli;

import dev.tarn.orchestration.airflow.DagRun;
import dev.tarn.orchestration.jobs.JobCatalog;
import dev.tarn.orchestration.jobs.JobSpec;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "airflow", mixinStandardHelpOptions = true,
    description = {"Trigger and watch Tarn's Airflow DAGs through Airflow's REST API (orchestration/dags).",
        "Airflow is found through tarn.yaml's airflow: section (url, user, password or token), TARN_AIRFLOW_* "
            + "variables or --set airflow.KEY=VALUE."},
    subcommands = {AirflowTriggerCommand.class, AirflowRunsCommand.class, AirflowWaitCommand.class})
public final class AirflowCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** A Tarn job id ({@code backfill}) names its DAG ({@code tarn_backfill}); anything else is a DAG id. */
  static String dagId(String jobOrDag) {
    return JobCatalog.find(jobOrDag).map(JobSpec::dagId).orElse(jobOrDag);
  }

  static void print(DagRun run) {
    System.out.printf("%-16s %-44s %-8s %-26s %-26s %s%n", run.dagId(), run.dagRunId(), run.state(),
        orDash(run.logicalDate()), orDash(run.startDate()), orDash(run.endDate()));
  }

  static void printHeader() {
    System.out.printf("%-16s %-44s %-8s %-26s %-26s %s%n", "dag", "run", "state", "logical date", "started",
        "ended");
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  /** Converts 90s, 30m, 2h (the --timeout and --interval of tarn airflow). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 10m, 2h)");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }
}
