package dev.tarn.notebook;

import dev.tarn.config.ConfigLoader;
import dev.tarn.config.DetectionConfig;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.job.DetectJob;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.ingest.IngestJob;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.quality.QualityJob;
import dev.tarn.quality.VolumeAnomalyPolicy;
import dev.tarn.testing.TestFiles;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A small lake built the way {@code tarn demo} builds one (generate, ingest, detect with the built-in pack), then
 * checked by {@code tarn quality} on one table, in the test JVM's shared lake, once. Events end about now so the notebooks' "last N days" windows see them.
 */
final class DemoLake {
  static final String SOURCE_ID = "notebooks-demo";
  private static boolean built;

  private DemoLake() {}

  static synchronized SparkSession spark() {
    SparkSession spark = TestLake.spark();
    if (!built) {
      build(spark);
      built = true;
    }
    return spark;
  }

  /**
   * The built-in pack without most of its CloudTrail rules: those 60-odd Python rules took two thirds of the
   * detect time, and the notebooks need matches, not every rule. Kept: every non-CloudTrail rule, the CloudTrail
   * rules the demo's attack scenarios trigger, and the helpers and data models they use.
   */
  private static Path packSubset() throws IOException {
    Path builtin = Path.of("..", "detections").toAbsolutePath().normalize();
    Path pack = TestLake.newDirectory("notebooks-pack");
    for (String dir : List.of("global_helpers", "data_models", "rules/aws_s3_access_rules", "rules/aws_vpc_flow_rules",
        "rules/github_rules", "rules/okta_rules")) {
      TestFiles.copyTree(builtin.resolve(dir), pack.resolve(dir));
    }
    for (String rule : List.of("aws_cloudtrail_identity/aws_console_sign_in_failures",
        "aws_cloudtrail_identity/aws_console_root_sign_in", "aws_cloudtrail_identity/aws_iam_access_key_for_other_user",
        "aws_cloudtrail_infra/aws_s3_bucket_acl_public_grant")) {
      for (String ext : List.of(".yml", ".py")) {
        Path target = pack.resolve("rules/" + rule + ext);
        Files.createDirectories(target.getParent());
        Files.copy(builtin.resolve("rules/" + rule + ext), target);
      }
    }
    return pack;
  }

  private static void build(SparkSession spark) {
    try {
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
      Path landing = TestLake.newDirectory("notebooks-landing");
      new LogGenerator(GeneratorOptions.builder().seed(7).eventsPerType(150).start(start)
          .duration(Duration.ofDays(3)).build()).write(landing);
      // A few lines no parser accepts, so the quarantine exists and the health notebook has reasons to show.
      Files.writeString(landing.resolve("aws_cloudtrail/truncated-upload.json"),
          "{\"eventVersion\": \"1.08\", \"eventTi\n<script>alert('x')</script>\nnot a log line\n");
      // The default source's layout (one folder per table), under an id of its own in the shared test lake.
      SourceConfig layout = ConfigLoader.defaultSource(landing.toString());
      SourceConfig source = new SourceConfig(SOURCE_ID, "Notebook demo", layout.location(), List.of(),
          layout.prefixLogTypes());
      TarnConfig config = new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source),
          Duration.ofMinutes(1), 100);
      new IngestJob(spark, config).runOnce();
      DetectionConfig defaults = DetectionConfig.defaults();
      DetectionConfig builtinPack = new DetectionConfig(List.of(packSubset().toString()), defaults.runtime(),
          defaults.trigger(), true, defaults.pythonPath(), defaults.callTimeout(), defaults.callMemoryBytes(),
          defaults.kv(), defaults.kvTable(), null, null);
      new DetectJob(spark, config.withDetection(builtinPack)).replay(start, Instant.now().plus(Duration.ofHours(1)),
          null);
      // One table's days through the quality job, as `tarn quality --table aws_cloudtrail --date ...` would: the
      // data-quality notebook reads tarn_system.quality_results. One table keeps it cheap (a Deequ run per day).
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      new QualityJob(spark, TestLake.lake(), LogTypeRegistry.builtin(), Clock.systemUTC(), VolumeAnomalyPolicy.DEFAULT)
          .run(List.of("panther_logs.aws_cloudtrail"), List.of(today.minusDays(3), today.minusDays(2),
              today.minusDays(1), today));
    } catch (Exception e) {
      throw new IllegalStateException("could not build the demo lake for the notebook tests", e);
    }
  }
}
