package dev.tarn.orchestration.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.orchestration.jobs.JobParam;
import dev.tarn.orchestration.jobs.JobSpec;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code dags/tarn_jobs.py}: the catalog as plain Python literals, which the DAGs import for their tasks'
 * arguments and the checker reads with {@code ast.literal_eval}. It imports nothing, so it loads without Airflow.
 */
final class PythonJobSpecs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PythonJobSpecs() {}

  static String render(List<JobSpec> jobs) {
    StringBuilder out = new StringBuilder();
    out.append("# Generated from dev.tarn.orchestration.jobs.JobCatalog: do not edit. Regenerate with\n")
        .append("#   ").append(DefinitionsGenerator.REGENERATE).append('\n')
        .append("\"\"\"Tarn's batch jobs as the DAGs run them: tarn CLI arguments, schedule (cron, UTC) and params.\n\n")
        .append("A whole argument \"{{ params.NAME }}\" is an Airflow template filled from the DAG run's params.\n")
        .append("\"\"\"\n\n")
        .append("MAIN_CLASS = ").append(str(EmrDefinitions.MAIN_CLASS)).append("\n")
        .append("# Delta's jars on EMR Serverless (EMR clusters get them from the delta-defaults classification).\n")
        .append("EMR_SERVERLESS_DELTA_JARS = ").append(str(EmrDefinitions.SERVERLESS_DELTA_JARS)).append("\n\n")
        .append("JOBS = {\n");
    for (JobSpec job : jobs) {
      out.append("    ").append(str(job.id())).append(": {\n")
          .append("        \"dag_id\": ").append(str(job.dagId())).append(",\n")
          .append("        \"description\": ").append(str(job.description())).append(",\n")
          .append("        \"args\": [").append(job.args().stream().map(PythonJobSpecs::str)
              .collect(Collectors.joining(", "))).append("],\n")
          .append("        \"schedule\": ").append(job.schedule().map(PythonJobSpecs::str).orElse("None"))
          .append(",\n")
          .append("        \"params\": {");
      if (job.params().isEmpty()) {
        out.append("},\n");
      } else {
        out.append('\n');
        for (JobParam p : job.params()) {
          out.append("            ").append(str(p.name())).append(": {\"description\": ").append(str(p.description()))
              .append(", \"example\": ").append(str(p.example())).append("},\n");
        }
        out.append("        },\n");
      }
      out.append("    },\n");
    }
    return out.append("}\n").toString();
  }

  /** A Python string literal: JSON's escapes are Python's too. */
  private static String str(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
