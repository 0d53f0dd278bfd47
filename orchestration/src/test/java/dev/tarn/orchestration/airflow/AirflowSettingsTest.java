package dev.tarn.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirflowSettingsTest {
  @TempDir
  Path dir;

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("tarn.yaml"), yaml);
  }

  @Test
  void readsTheAirflowSectionOfTarnYamlAndLetsEnvironmentAndFlagsOverrideIt() throws Exception {
    Path file = config("lake: s3a://b/lake\nairflow:\n  url: http://file:8080/\n  user: alice\n  password: p1\n");

    AirflowSettings settings = AirflowSettings.load(file, Map.of("TARN_AIRFLOW_PASSWORD", "p2"),
        List.of("airflow.url=https://flag.example.com"));

    assertThat(settings).isEqualTo(new AirflowSettings(URI.create("https://flag.example.com"), "alice", "p2", null));
  }

  @Test
  void neverShowsSecretsInItsDescription() {
    AirflowSettings settings = new AirflowSettings(URI.create("http://a"), "alice", "hunter2", null);
    assertThat(settings.toString()).doesNotContain("hunter2").contains("user alice");
    assertThat(new AirflowSettings(URI.create("http://a"), null, null, "tok-secret").toString())
        .doesNotContain("tok-secret").contains("bearer token");
  }

  @Test
  void rejectsAnUnknownKeyNamingTheFile() throws Exception {
    Path file = config("airflow:\n  uri: http://x\n");
    assertThatThrownBy(() -> AirflowSettings.load(file, Map.of(), List.of()))
        .hasMessage(file + ": unknown key 'airflow.uri' (known: [url, user, password, token])");
  }

  @Test
  void rejectsAConfigFileThatDoesNotExist() {
    assertThatThrownBy(() -> AirflowSettings.load(dir.resolve("absent.yaml"), Map.of(), List.of()))
        .hasMessageContaining("absent.yaml does not exist");
  }

  @Test
  void rejectsAUserWithoutAPassword() {
    assertThatThrownBy(() -> AirflowSettings.load(null, Map.of("TARN_AIRFLOW_USER", "alice"), List.of()))
        .hasMessageContaining("airflow.user and airflow.password go together");
  }

  @Test
  void rejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> AirflowSettings.load(null, Map.of("TARN_AIRFLOW_URL", "airflow:8080"), List.of()))
        .hasMessageStartingWith("environment variable TARN_AIRFLOW_URL: airflow.url airflow:8080 is not an http(s) URL");
  }
}
