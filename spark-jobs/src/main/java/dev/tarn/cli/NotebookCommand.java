package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.notebook.HtmlReport;
import dev.tarn.notebook.Notebook;
import dev.tarn.notebook.NotebookException;
import dev.tarn.notebook.NotebookParser;
import dev.tarn.notebook.NotebookRun;
import dev.tarn.notebook.NotebookRunner;
import dev.tarn.notebook.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tarn notebook}: SQL notebooks (Databricks source format) run locally against the lake. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
    description = "Run SQL notebooks (Databricks source format) against the lake",
    subcommands = {NotebookCommand.Run.class})
public final class NotebookCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run a notebook's SQL cells in order, print each result, optionally write an HTML report. "
          + "A failing cell is reported and the rest still run; the exit code is then 1.")
  static final class Run implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "FILE", description = "The notebook (.sql, Databricks source format)")
    Path file;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
        description = "A widget's value (overrides its DEFAULT); repeatable")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--html", paramLabel = "OUT", description = "Write a self-contained HTML report to this file")
    Path html;

    @Option(names = "--max-rows", paramLabel = "N",
        description = "Rows kept per cell for the report and charts (default 1000; stdout shows the first 20)")
    int maxRows = 1000;

    @Override
    public Integer call() throws IOException {
      if (maxRows < 1) {
        throw new UserException("--max-rows must be at least 1 (got " + maxRows + ")");
      }
      if (!Files.isRegularFile(file)) {
        throw new UserException("notebook " + file + " does not exist");
      }
      Notebook notebook;
      try {
        notebook = NotebookParser.parse(file.getFileName().toString(), Files.readString(file));
        notebook.parameterValues(params);
      } catch (NotebookException e) {
        throw new UserException(e.getMessage());
      }
      TarnConfig config = global.load();
      SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-notebook");
      NotebookRun run;
      try {
        run = new NotebookRunner(spark, maxRows).run(notebook, params);
      } finally {
        spark.stop();
      }
      TextReport.print(run, Math.min(20, maxRows), System.out);
      if (html != null) {
        if (html.toAbsolutePath().getParent() != null) {
          Files.createDirectories(html.toAbsolutePath().getParent());
        }
        Files.writeString(html, HtmlReport.render(run, Instant.now()));
        System.out.println("report: " + html.toAbsolutePath());
      }
      return run.failures().isEmpty() ? 0 : 1;
    }
  }
}
