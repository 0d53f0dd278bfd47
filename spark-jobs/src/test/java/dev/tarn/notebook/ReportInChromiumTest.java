package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Opens a notebook report in headless Chromium (Debian's package; .ci/chromium.sh installs it) and checks that
 * every chart was drawn with the inlined library: the drawing code marks each chart with the SVG shapes it found.
 */
class ReportInChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern CHART = Pattern.compile("<div class=\"chart[^\"]*\" data-chart=\"(\\d+)\"([^>]*)>");

  private static String dumpDom(Path html) throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: install Debian's chromium with .ci/chromium.sh (CI runs it) to check that "
          + "notebook reports render");
    }
    Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
    Process process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,2000",
        "--dump-dom", html.toUri().toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] dom = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    return new String(dom, StandardCharsets.UTF_8);
  }

  @Test
  void chartsOfAReportRenderInHeadlessChromium() throws Exception {
    NotebookRun run = DemoLakeNotebooksTest.run("pipeline_health.sql");
    long charts = run.outcomes().stream().filter(o -> o.chart() != null).count();
    assertThat(charts).as("charts in the pipeline health report").isGreaterThanOrEqualTo(3);

    String dom = dumpDom(DemoLakeNotebooksTest.REPORTS.resolve("pipeline_health.html"));

    Matcher m = CHART.matcher(dom);
    int rendered = 0;
    while (m.find()) {
      assertThat(m.group(2)).as("chart of cell %s", m.group(1)).contains("data-rendered=\"true\"");
      rendered++;
    }
    assertThat(rendered).isEqualTo(charts);
    assertThat(dom).contains("<svg").containsPattern("<rect[^>]*class=\"bar");
  }
}
