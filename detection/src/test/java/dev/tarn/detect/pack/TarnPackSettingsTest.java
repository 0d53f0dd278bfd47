package dev.tarn.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarnPackSettingsTest {
  @TempDir Path dir;

  void rule(Path where, String id) throws IOException {
    Files.createDirectories(where);
    Files.writeString(where.resolve(id + ".yml"), "AnalysisType: rule\nFilename: r.py\nRuleID: " + id
        + "\nEnabled: true\nLogTypes: [A.B]\nSeverity: Low\n");
    Files.writeString(where.resolve("r.py"), "def rule(e):\n    return True\n");
  }

  @Test
  void theNearestSettingsFileWins() throws IOException {
    Files.writeString(dir.resolve(".tarn-pack.yml"), "PythonRuntime: jython\n");
    Files.createDirectories(dir.resolve("modern"));
    Files.writeString(dir.resolve("modern/.tarn-pack.yml"), "PythonRuntime: graalpy\n");
    rule(dir.resolve("old"), "Old");
    rule(dir.resolve("modern/sub"), "Modern");
    DetectionPack pack = PackLoader.load(dir);
    assertThat(pack.detection("Old").runtime()).isEqualTo("jython");
    assertThat(pack.detection("Modern").runtime()).isEqualTo("graalpy");
  }

  @Test
  void settingsAboveTheLoadedDirectoryDoNotApply() throws IOException {
    Files.writeString(dir.resolve(".tarn-pack.yml"), "PythonRuntime: jython\n");
    rule(dir.resolve("rules"), "Inner");
    assertThat(PackLoader.load(dir.resolve("rules")).detection("Inner").runtime()).isNull();
  }

  @Test
  void rejectsAnUnknownRuntimeAndKeepsTheDetections() throws IOException {
    Files.writeString(dir.resolve(".tarn-pack.yml"), "PythonRuntime: cpython\n");
    rule(dir, "Kept");
    DetectionPack pack = PackLoader.load(dir);
    assertThat(pack.detection("Kept").runtime()).isNull();
    assertThat(pack.problems()).containsExactly(new LoadProblem(dir.resolve(".tarn-pack.yml"), 1, null,
        "unknown PythonRuntime 'cpython'; use graalpy or jython (the directory's detections use the default runtime"
            + " until this is fixed)", LoadProblem.Level.ERROR));
  }

  @Test
  void rejectsUnknownSettingsKeys() throws IOException {
    Files.writeString(dir.resolve(".tarn-pack.yml"), "Runtime: jython\n");
    rule(dir, "Kept");
    assertThat(PackLoader.load(dir).problems()).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("unknown key 'Runtime' in Tarn pack settings; allowed keys: PythonRuntime."));
  }

  @Test
  void versionChangesWhenThePythonChanges() throws IOException {
    rule(dir, "Versioned");
    String before = PackLoader.load(dir).detection("Versioned").version();
    Files.writeString(dir.resolve("r.py"), "def rule(e):\n    return False\n");
    assertThat(PackLoader.load(dir).detection("Versioned").version()).isNotEqualTo(before);
  }
}
