package dev.tarn.orchestration.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.orchestration.jobs.JobCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<Path, String> files =
      new DefinitionsGenerator(Deployment.placeholders()).files(JobCatalog.jobs());

  private JsonNode file(String dir, String job) throws Exception {
    return JSON.readTree(files.get(Path.of(dir, job + ".json")));
  }

  @Test
  void emrStepRunsTheAssemblyThroughSparkSubmitWithTheJobsArguments() throws Exception {
    JsonNode step = file("emr", "ingest").get(0);
    assertThat(step.get("HadoopJarStep").get("Jar").asText()).isEqualTo("command-runner.jar");
    assertThat(JSON.convertValue(step.get("HadoopJarStep").get("Args"), List.class)).containsExactly(
        "spark-submit", "--deploy-mode", "cluster", "--class", "dev.tarn.cli.TarnCli",
        "--files", "s3://CHANGE-ME-BUCKET/tarn/tarn.yaml", "s3://CHANGE-ME-BUCKET/tarn/tarn-spark-jobs-assembly.jar",
        "ingest", "--once");
  }

  @Test
  void emrBackfillLeavesParamsForEnvsubst() throws Exception {
    assertThat(file("emr", "backfill").toString()).contains("\"--source\",\"${source}\"", "\"--to\",\"${to}\"");
  }

  @Test
  void emrServerlessRunPassesTheArgumentsToTheAssemblyEntryPoint() throws Exception {
    JsonNode submit = file("emr-serverless", "detect").get("jobDriver").get("sparkSubmit");
    assertThat(submit.get("entryPoint").asText()).endsWith("tarn-spark-jobs-assembly.jar");
    assertThat(JSON.convertValue(submit.get("entryPointArguments"), List.class)).containsExactly("detect", "--once");
    assertThat(submit.get("sparkSubmitParameters").asText()).startsWith("--class dev.tarn.cli.TarnCli ");
  }

  @Test
  void databricksJobIsAJarTaskOnAJobClusterWithAQuartzSchedule() throws Exception {
    JsonNode job = file("databricks", "maintain");
    JsonNode task = job.get("tasks").get(0);
    assertThat(task.get("spark_jar_task").get("main_class_name").asText()).isEqualTo("dev.tarn.cli.TarnCli");
    assertThat(JSON.convertValue(task.get("spark_jar_task").get("parameters"), List.class))
        .containsExactly("maintain", "--config", "/dbfs/FileStore/tarn/tarn.yaml");
    assertThat(task.get("job_cluster_key").asText()).isEqualTo(job.get("job_clusters").get(0).get("job_cluster_key")
        .asText());
    assertThat(job.get("schedule").get("quartz_cron_expression").asText()).isEqualTo("0 0 * * * ?");
  }

  @Test
  void databricksBackfillTakesJobParametersAndHasNoSchedule() throws Exception {
    JsonNode job = file("databricks", "backfill");
    assertThat(job.has("schedule")).isFalse();
    assertThat(job.get("parameters").findValuesAsText("name")).containsExactly("source", "prefix", "from", "to");
    assertThat(job.get("tasks").get(0).get("spark_jar_task").get("parameters").toString())
        .contains("\"--source\",\"{{job.parameters.source}}\"");
  }
}
