package dev.tarn.cli;

import dev.tarn.orchestration.airflow.AirflowClient;
import dev.tarn.orchestration.airflow.AirflowException;
import dev.tarn.orchestration.airflow.AirflowSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where {@code tarn airflow} finds Airflow: tarn.yaml's airflow section, TARN_AIRFLOW_* variables, --set. */
public final class AirflowOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file with an airflow: section (default: ./tarn.yaml if it exists)")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "airflow.url, airflow.user, airflow.password or airflow.token (env: TARN_AIRFLOW_URL, "
          + "TARN_AIRFLOW_USER, TARN_AIRFLOW_PASSWORD, TARN_AIRFLOW_TOKEN)")
  List<String> overrides = new ArrayList<>();

  /** Runs {@code call} with a client; Airflow's failures are the user's to fix, so they print without a trace. */
  <T> T call(Function<AirflowClient, T> call) {
    try {
      return call.apply(new AirflowClient(AirflowSettings.load(config, System.getenv(), overrides)));
    } catch (AirflowException e) {
      throw new UserException(e.getMessage());
    }
  }
}
