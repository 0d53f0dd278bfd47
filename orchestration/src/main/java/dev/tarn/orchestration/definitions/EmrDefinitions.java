package dev.tarn.orchestration.definitions;

import static java.util.Objects.requireNonNull;

import dev.tarn.orchestration.jobs.JobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as EMR runs it: an AddJobFlowSteps step list ({@code aws emr add-steps --steps file://emr/JOB.json}) and an
 * EMR Serverless StartJobRun request ({@code aws emr-serverless start-job-run --cli-input-json
 * file://emr-serverless/JOB.json}). EMR has no parameter templating, so a param appears as {@code ${NAME}}, ready for
 * {@code envsubst}.
 */
final class EmrDefinitions {
  static final String MAIN_CLASS = "dev.tarn.cli.TarnCli";
  /** EMR 7 ships Delta; these put it on a Serverless job's classpath (a cluster uses the delta-defaults classification). */
  static final String SERVERLESS_DELTA_JARS =
      "/usr/share/aws/delta/lib/delta-spark.jar,/usr/share/aws/delta/lib/delta-storage.jar";

  private final Deployment deployment;

  EmrDefinitions(Deployment deployment) {
    this.deployment = requireNonNull(deployment, "deployment is null");
  }

  static List<String> args(JobSpec job) {
    return job.args(p -> "${" + p.name() + "}");
  }

  List<Map<String, Object>> steps(JobSpec job) {
    List<String> command = new ArrayList<>(List.of("spark-submit", "--deploy-mode", "cluster", "--class", MAIN_CLASS,
        "--files", deployment.config(), deployment.jar()));
    command.addAll(args(job));
    Map<String, Object> hadoopJarStep = new LinkedHashMap<>();
    hadoopJarStep.put("Jar", "command-runner.jar");
    hadoopJarStep.put("Args", command);
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("Name", "tarn " + job.id());
    // A failed run is retried by the next scheduled one; it must not terminate a shared cluster.
    step.put("ActionOnFailure", "CONTINUE");
    step.put("HadoopJarStep", hadoopJarStep);
    return List.of(step);
  }

  Map<String, Object> serverlessJobRun(JobSpec job) {
    Map<String, Object> sparkSubmit = new LinkedHashMap<>();
    sparkSubmit.put("entryPoint", deployment.jar());
    sparkSubmit.put("entryPointArguments", args(job));
    sparkSubmit.put("sparkSubmitParameters", serverlessSubmitParameters(deployment.config()));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("applicationId", deployment.emrServerlessApplicationId());
    request.put("executionRoleArn", deployment.emrServerlessRoleArn());
    request.put("name", "tarn-" + job.id());
    request.put("jobDriver", Map.of("sparkSubmit", sparkSubmit));
    return request;
  }

  static String serverlessSubmitParameters(String config) {
    return "--class " + MAIN_CLASS + " --files " + config + " --conf spark.jars=" + SERVERLESS_DELTA_JARS;
  }
}
