package dev.tarn.orchestration.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.orchestration.jobs.JobCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed definitions are what the catalog generates (or, with -Dtarn.regenerate=true, become so). */
class GeneratedDefinitionsTest {
  /** Surefire runs in the module directory: orchestration/. */
  private static final Path DIR = Path.of("").toAbsolutePath();

  @Test
  void committedDefinitionsMatchTheCatalog() throws IOException {
    DefinitionsGenerator generator = new DefinitionsGenerator(Deployment.placeholders());
    if (Boolean.getBoolean("tarn.regenerate")) {
      generator.write(DIR, JobCatalog.jobs());
    }
    Map<Path, String> expected = generator.files(JobCatalog.jobs());
    for (Map.Entry<Path, String> e : expected.entrySet()) {
      Path file = DIR.resolve(e.getKey());
      assertThat(file).as("%s is missing; regenerate with %s", e.getKey(), DefinitionsGenerator.REGENERATE).exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s is stale; regenerate with %s", e.getKey(), DefinitionsGenerator.REGENERATE)
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void noDefinitionIsLeftForAJobNoLongerInTheCatalog() throws IOException {
    TreeSet<Path> present = new TreeSet<>();
    for (String dir : new String[] {"emr", "emr-serverless", "databricks"}) {
      try (Stream<Path> files = Files.list(DIR.resolve(dir))) {
        files.forEach(f -> present.add(DIR.relativize(f)));
      }
    }
    TreeSet<Path> expected = new TreeSet<>(new DefinitionsGenerator(Deployment.placeholders())
        .files(JobCatalog.jobs()).keySet());
    expected.removeIf(p -> p.startsWith("dags"));
    assertThat(present).as("delete definitions of removed jobs").isEqualTo(expected);
  }
}
