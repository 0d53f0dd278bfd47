package dev.tarn.orchestration.definitions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.orchestration.jobs.JobCatalog;
import dev.tarn.orchestration.jobs.JobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates, from {@link JobCatalog}, the files under {@code orchestration/}: {@code dags/tarn_jobs.py},
 * {@code emr/JOB.json}, {@code emr-serverless/JOB.json} and {@code databricks/JOB.json}. The committed files are
 * checked against it by a test, which regenerates them when run with {@code -Dtarn.regenerate=true}.
 */
public final class DefinitionsGenerator {
  static final String REGENERATE =
      "./mvnw -o -q -pl orchestration test -Dtest=GeneratedDefinitionsTest -Dtarn.regenerate=true";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Deployment deployment;

  public DefinitionsGenerator(Deployment deployment) {
    this.deployment = requireNonNull(deployment, "deployment is null");
  }

  /** Every generated file, by its path relative to {@code orchestration/}, with its content. */
  public Map<Path, String> files(List<JobSpec> jobs) {
    EmrDefinitions emr = new EmrDefinitions(deployment);
    DatabricksDefinitions databricks = new DatabricksDefinitions(deployment);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("dags", "tarn_jobs.py"), PythonJobSpecs.render(jobs));
    for (JobSpec job : jobs) {
      files.put(Path.of("emr", job.id() + ".json"), json(emr.steps(job)));
      files.put(Path.of("emr-serverless", job.id() + ".json"), json(emr.serverlessJobRun(job)));
      files.put(Path.of("databricks", job.id() + ".json"), json(databricks.createJob(job)));
    }
    return files;
  }

  /** Writes the files under {@code orchestrationDir}; returns the paths written. */
  public List<Path> write(Path orchestrationDir, List<JobSpec> jobs) throws IOException {
    Map<Path, String> files = files(jobs);
    for (Map.Entry<Path, String> e : files.entrySet()) {
      Path target = orchestrationDir.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
    }
    return List.copyOf(files.keySet());
  }

  /** {@code DefinitionsGenerator [ORCHESTRATION_DIR]} (default {@code orchestration}) with the placeholder values. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "orchestration");
    for (Path p : new DefinitionsGenerator(Deployment.placeholders()).write(dir, JobCatalog.jobs())) {
      System.out.println("wrote " + dir.resolve(p));
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writer(new TwoSpacePrinter()).writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("Cannot render " + value, e);
    }
  }

  /** Jackson's printer writes {@code "key" : value}; this writes {@code "key": value}, two spaces per level. */
  private static final class TwoSpacePrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    TwoSpacePrinter() {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new TwoSpacePrinter();
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }
  }
}
