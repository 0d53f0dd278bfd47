package dev.tarn.cli;

import dev.tarn.orchestration.airflow.AirflowException;
import dev.tarn.orchestration.airflow.DagRun;
import dev.tarn.orchestration.jobs.JobCatalog;
import dev.tarn.orchestration.jobs.JobSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", mixinStandardHelpOptions = true,
    description = {"Wait for a DAG run to finish. Exit code 0 if it succeeded, 1 if it failed, 2 if it was not found",
        "or is still running at --timeout. Without --dag the run is looked up in Tarn's DAGs."})
public final class AirflowWaitCommand implements Callable<Integer> {
  static final Duration INTERVAL = Duration.ofSeconds(15);

  @Mixin
  AirflowOptions airflow;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's dag_run_id")
  String runId;

  @Option(names = "--dag", paramLabel = "DAG", description = "The run's DAG (a Tarn job or DAG id)")
  String dag;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h",
      converter = AirflowCommand.DurationConverter.class, description = "How long to wait (default 2h)")
  Duration timeout;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "15s",
      converter = AirflowCommand.DurationConverter.class, description = "How often to ask (default 15s)")
  Duration interval;

  @Override
  public Integer call() {
    String dagId = dag != null ? AirflowCommand.dagId(dag) : findDag();
    return await(airflow, dagId, runId, timeout, interval);
  }

  static int await(AirflowOptions airflow, String dagId, String runId, Duration timeout, Duration interval) {
    DagRun run = airflow.call(client -> client.waitFor(dagId, runId, timeout, interval,
        r -> System.out.printf("%s run %s: %s%n", r.dagId(), r.dagRunId(), r.state())));
    return run.succeeded() ? 0 : 1;
  }

  /** The Tarn DAG that has a run with this id. */
  private String findDag() {
    List<String> dags = JobCatalog.jobs().stream().map(JobSpec::dagId).toList();
    return airflow.call(client -> {
      for (String dagId : dags) {
        try {
          client.run(dagId, runId);
          return dagId;
        } catch (AirflowException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
      }
      throw new AirflowException("No run " + runId + " in Tarn's DAGs " + dags + ": give its DAG with --dag");
    });
  }
}
