package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.detect.job.DetectJob;
import dev.tarn.generate.GenerateCommand;
import dev.tarn.ingest.IngestJob;
import dev.tarn.ingest.IngestStats;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate sample logs with attack scenarios, run the pipeline on embedded defaults, show the result")
public final class DemoCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--events", description = "Events per log type to generate (default 2000)")
  int events = 2000;

  @Option(names = "--seed", description = "Generator seed (default 42)")
  long seed = 42;

  @Override
  public Integer call() throws Exception {
    TarnConfig config = global.load();
    System.out.println("== 1. generating logs into " + config.landing());
    int generated = new CommandLine(new GenerateCommand()).execute("--out", config.landing(),
        "--events", String.valueOf(events), "--seed", String.valueOf(seed));
    if (generated != 0) {
      return generated;
    }
    Lake lake = new Lake(config.lakeUri());
    SparkSession spark = TarnSpark.session(lake, "tarn-demo");
    try {
      System.out.println("\n== 2. ingesting (tarn ingest --once) into " + lake.root());
      IngestStats stats = new IngestJob(spark, config).runOnce();
      IngestCommand.print(stats);

      System.out.println("\n== 3. tables");
      List<Row> tables = spark.sql("SHOW TABLES IN panther_logs").collectAsList();
      for (Row t : tables) {
        String table = t.getString(t.fieldIndex("tableName"));
        long count = spark.table("panther_logs." + table).count();
        System.out.printf("  panther_logs.%-22s %,8d rows   %s%n", table, count,
            lake.tablePath(Lake.LOGS_DB, table));
      }
      long quarantined = spark.catalog().tableExists(Lake.SYSTEM_DB, "quarantine")
          ? spark.table("tarn_system.quarantine").count() : 0;
      System.out.printf("  tarn_system.quarantine %,d rows (lines no parser accepted, with reasons)%n", quarantined);

      String sample = "select p_log_type, count(*) as events, min(p_event_time) as first, max(p_event_time) as last "
          + "from panther_logs.aws_cloudtrail group by 1";
      System.out.println("\n== 4. a sample query: ./tarn sql \"" + sample + "\"");
      ResultPrinter.print(spark.sql(sample), ResultPrinter.Format.TABLE, 20, System.out);
      String attacks = "select eventName, sourceIPAddress, count(*) as n from panther_logs.aws_cloudtrail "
          + "where eventName in ('ConsoleLogin', 'PutBucketAcl', 'CreateAccessKey') group by 1, 2 order by 3 desc";
      System.out.println("\n   and one that shows the injected attack scenarios:");
      ResultPrinter.print(spark.sql(attacks), ResultPrinter.Format.TABLE, 20, System.out);

      System.out.println("\n== 5. detecting (tarn detect --once) with " + config.detection().dirs());
      DetectJob detect = new DetectJob(spark, config);
      DetectCommand.printLoad(detect.load());
      DetectCommand.print(detect.runOnce());
      System.out.println("\n== 6. rule matches, by rule (panther_rule_matches.*)");
      ResultPrinter.print(DetectCommand.matchesByRule(spark), ResultPrinter.Format.TABLE, 60, System.out);
    } finally {
      spark.stop();
    }
    System.out.println("\n== 7. alerts (tarn alerts demo): dedup, then delivery to a local webhook sink");
    return AlertsProcess.run(List.of("demo", "--lake", lake.root()));
  }
}
