package dev.tarn.orchestration;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tarn.cli.TarnCli;
import dev.tarn.orchestration.jobs.JobCatalog;
import dev.tarn.orchestration.jobs.JobSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every job the orchestrators run (DAGs, EMR, Databricks: all generated from JobCatalog) parses against the real
 * tarn command line, with its params' example values, and with the --config a cluster run appends. Parsing only:
 * nothing runs.
 */
class JobCatalogArgsTest {
  @Test
  void everyJobsArgumentsParseWithTheTarnCli() {
    for (JobSpec job : JobCatalog.jobs()) {
      List<String> withConfig = new ArrayList<>(job.exampleArgs());
      withConfig.addAll(List.of("--config", "/dbfs/FileStore/tarn/tarn.yaml"));
      for (List<String> args : List.of(job.exampleArgs(), withConfig)) {
        assertThatCode(() -> new CommandLine(new TarnCli()).parseArgs(args.toArray(String[]::new)))
            .as("job %s: tarn %s", job.id(), String.join(" ", args))
            .doesNotThrowAnyException();
      }
    }
  }
}
