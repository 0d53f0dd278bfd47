package dev.tarn.orchestration.definitions;

import static java.util.Objects.requireNonNull;

import dev.tarn.orchestration.jobs.JobParam;
import dev.tarn.orchestration.jobs.JobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as a Databricks Jobs API 2.1 create-job request ({@code databricks jobs create --json @databricks/JOB.json}):
 * one spark_jar_task on a job cluster, the schedule as Quartz cron, params as job parameters referenced with
 * {@code {{job.parameters.NAME}}}.
 */
final class DatabricksDefinitions {
  private static final String CLUSTER_KEY = "tarn";

  private final Deployment deployment;

  DatabricksDefinitions(Deployment deployment) {
    this.deployment = requireNonNull(deployment, "deployment is null");
  }

  static List<String> args(JobSpec job, String config) {
    List<String> args = new ArrayList<>(job.args(p -> "{{job.parameters." + p.name() + "}}"));
    args.add("--config");
    args.add(config);
    return args;
  }

  Map<String, Object> createJob(JobSpec job) {
    Map<String, Object> jarTask = new LinkedHashMap<>();
    jarTask.put("main_class_name", EmrDefinitions.MAIN_CLASS);
    jarTask.put("parameters", args(job, deployment.databricksConfig()));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("task_key", job.id());
    task.put("description", job.description());
    task.put("job_cluster_key", CLUSTER_KEY);
    task.put("spark_jar_task", jarTask);
    task.put("libraries", List.of(Map.of("jar", deployment.databricksJar())));

    Map<String, Object> cluster = new LinkedHashMap<>();
    cluster.put("spark_version", deployment.databricksSparkVersion());
    cluster.put("node_type_id", deployment.databricksNodeType());
    cluster.put("num_workers", deployment.databricksWorkers());
    // Databricks Runtime 15.x starts on JDK 8 unless told otherwise; Tarn is built for Java 17.
    cluster.put("spark_env_vars", Map.of("JNAME", "zulu17-ca-amd64"));
    Map<String, Object> jobCluster = new LinkedHashMap<>();
    jobCluster.put("job_cluster_key", CLUSTER_KEY);
    jobCluster.put("new_cluster", cluster);

    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", "tarn-" + job.id());
    request.put("tags", Map.of("tarn_job", job.id()));
    request.put("tasks", List.of(task));
    request.put("job_clusters", List.of(jobCluster));
    // Streaming checkpoints allow one run of a job at a time.
    request.put("max_concurrent_runs", 1);
    if (!job.params().isEmpty()) {
      List<Map<String, Object>> params = new ArrayList<>();
      for (JobParam p : job.params()) {
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("name", p.name());
        param.put("default", "");
        params.add(param);
      }
      request.put("parameters", params);
    }
    job.schedule().ifPresent(cron -> {
      Map<String, Object> schedule = new LinkedHashMap<>();
      schedule.put("quartz_cron_expression", QuartzCron.of(cron));
      schedule.put("timezone_id", "UTC");
      schedule.put("pause_status", "UNPAUSED");
      request.put("schedule", schedule);
    });
    return request;
  }
}
