package dev.tarn.cli;

import dev.tarn.orchestration.airflow.DagRun;
import dev.tarn.orchestration.jobs.JobCatalog;
import dev.tarn.orchestration.jobs.JobParam;
import dev.tarn.orchestration.jobs.JobSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "trigger", mixinStandardHelpOptions = true,
    description = {"Trigger a run of a DAG. A Tarn job with params takes them as options, e.g.",
        "  tarn airflow trigger backfill --source ID --prefix PATH --from TIME --to TIME",
        "any DAG takes --conf KEY=VALUE. Prints the run id; --wait waits for the run like tarn airflow wait."})
public final class AirflowTriggerCommand implements Callable<Integer> {
  @Mixin
  AirflowOptions airflow;

  @Parameters(index = "0", paramLabel = "DAG", description = "A Tarn job (backfill, ingest, ...) or any DAG id")
  String dag;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A DAG run conf entry (repeatable)")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--run-id", paramLabel = "ID", description = "The run's dag_run_id (default: Airflow names it)")
  String runId;

  @Option(names = "--wait", description = "Wait for the run to finish; exit 0 if it succeeded, 1 if it failed")
  boolean waitForRun;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h",
      converter = AirflowCommand.DurationConverter.class, description = "With --wait: how long (default 2h)")
  Duration timeout;

  /** The job's params, as {@code --NAME VALUE} or {@code --NAME=VALUE}. */
  @Unmatched
  List<String> paramOptions = new ArrayList<>();

  @Override
  public Integer call() {
    JobSpec job = JobCatalog.find(dag).orElse(null);
    Map<String, Object> runConf = new LinkedHashMap<>(params(job));
    runConf.putAll(conf);
    String dagId = AirflowCommand.dagId(dag);
    DagRun run = airflow.call(client -> client.trigger(dagId, runConf, runId));
    System.out.printf("triggered %s run %s (%s)%n", run.dagId(), run.dagRunId(), run.state());
    if (!waitForRun) {
      System.out.printf("wait for it: tarn airflow wait '%s' --dag %s%n", run.dagRunId(), run.dagId());
      return 0;
    }
    return AirflowWaitCommand.await(airflow, run.dagId(), run.dagRunId(), timeout, AirflowWaitCommand.INTERVAL);
  }

  private Map<String, String> params(JobSpec job) {
    if (job == null || job.params().isEmpty()) {
      if (!paramOptions.isEmpty()) {
        throw new UserException("Unknown arguments " + paramOptions + ": " + dag
            + (job == null ? " is not a Tarn job" : " takes no params") + "; pass a DAG run conf with --conf KEY=VALUE");
      }
      return Map.of();
    }
    String expected = job.params().stream().map(p -> "--" + p.name() + " (" + p.description() + ")")
        .collect(Collectors.joining(", "));
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < paramOptions.size(); i++) {
      String option = paramOptions.get(i);
      int eq = option.indexOf('=');
      String name = option.startsWith("--") ? option.substring(2, eq > 0 ? eq : option.length()) : "";
      JobParam param = job.param(name).orElseThrow(() -> new UserException(
          "Unknown argument " + option + " for job " + job.id() + ": it takes " + expected));
      if (eq > 0) {
        values.put(param.name(), option.substring(eq + 1));
      } else if (i + 1 < paramOptions.size()) {
        values.put(param.name(), paramOptions.get(++i));
      } else {
        throw new UserException(option + " needs a value: " + param.description());
      }
    }
    Map<String, String> merged = new LinkedHashMap<>(values);
    conf.forEach((k, v) -> merged.putIfAbsent(k, v));
    List<String> missing = job.params().stream().map(JobParam::name)
        .filter(n -> merged.get(n) == null || merged.get(n).isBlank()).toList();
    if (!missing.isEmpty()) {
      throw new UserException("Job " + job.id() + " needs " + missing.stream().map(n -> "--" + n)
          .collect(Collectors.joining(", ")) + " (it takes " + expected + ")");
    }
    return values;
  }
}
