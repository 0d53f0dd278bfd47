package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.lake.TarnSpark;
import dev.tarn.views.PantherViews;
import dev.tarn.views.ViewResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "views", mixinStandardHelpOptions = true,
    description = "Panther's views over every table (panther_views.all_logs, all_rule_matches, all_rule_errors, "
        + "all_cloudsecurity)",
    subcommands = {ViewsCommand.Rebuild.class})
public final class ViewsCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = "Register the lake's Delta tables the catalog lacks, then rebuild the panther_views views")
  static final class Rebuild implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
      TarnConfig config = global.load();
      Lake lake = new Lake(config.lakeUri());
      SparkSession spark = TarnSpark.session(lake, "tarn-views");
      try {
        Instant started = Instant.now();
        LakeTables tables = new LakeTables(spark, lake);
        List<String> registered = tables.registerAll();
        registered.forEach(t -> System.out.println("registered " + t));
        List<ViewResult> results = PantherViews.STANDARD.stream()
            .map(view -> PantherViews.rebuild(spark, lake, view)).toList();
        long skipped = 0;
        for (ViewResult r : results) {
          System.out.println(r.built()
              ? r.view().qualifiedName() + ": " + r.tables().size() + " table(s)"
              : r.view().qualifiedName() + ": not created (" + r.view().sourceDatabase() + " has no tables)");
          r.coercions().forEach(c -> System.out.println("  type differs, cast: " + c));
          r.skipped().forEach((t, why) -> System.out.println("  left out " + r.view().sourceDatabase() + "." + t
              + ": " + why));
          skipped += r.skipped().size();
        }
        JobRuns.append(spark, tables, JobRun.of("views", UUID.randomUUID().toString(), null, started, Instant.now(),
            skipped == 0 ? JobRun.SUCCEEDED : JobRun.SUCCEEDED_WITH_ERRORS,
            results.stream().filter(ViewResult::built).count() + " view(s) rebuilt",
            Map.of("tables_registered", (long) registered.size(),
                "views_built", results.stream().filter(ViewResult::built).count(),
                "tables_left_out", skipped)));
        return skipped == 0 ? 0 : 1;
      } finally {
        spark.stop();
      }
    }
  }
}
