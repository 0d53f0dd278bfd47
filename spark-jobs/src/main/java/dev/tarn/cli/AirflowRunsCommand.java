package dev.tarn.cli;

import dev.tarn.orchestration.airflow.DagRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "List the latest runs of a DAG (a Tarn job or DAG id), or of every DAG, newest first")
public final class AirflowRunsCommand implements Callable<Integer> {
  @Mixin
  AirflowOptions airflow;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DAG", description = "A Tarn job or DAG id (default: all)")
  String dag;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default 20)")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UserException("--limit " + limit + ": expected a positive number of runs");
    }
    // "~" is Airflow's wildcard DAG id: runs of every DAG.
    String dagId = dag == null ? "~" : AirflowCommand.dagId(dag);
    List<DagRun> runs = airflow.call(client -> client.runs(dagId, limit));
    if (runs.isEmpty()) {
      System.out.println(dag == null ? "no DAG runs" : "no runs of " + dagId);
      return 0;
    }
    AirflowCommand.printHeader();
    runs.forEach(AirflowCommand::print);
    return 0;
  }
}
