package dev.tarn.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Object keys shaped like each bucket's purpose; CloudTrail data events and S3 access logs share them. */
final class S3Keys {
  private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final String[] ASSETS = {"css/main", "js/app", "img/logo", "img/hero", "fonts/inter"};
  private static final String[] ASSET_EXTENSIONS = {".css", ".js", ".png", ".jpg", ".woff2"};
  private static final String[] SERVICES = {"api-gateway", "web-frontend", "data-pipelines"};

  private S3Keys() {}

  static String key(String bucket, Instant time, SplittableRandom random) {
    return switch (bucket) {
      case "example-prod-assets" -> {
        int asset = random.nextInt(ASSETS.length);
        yield "static/" + ASSETS[asset] + "-" + Ids.hex(random, 8) + ASSET_EXTENSIONS[asset];
      }
      case "example-data-lake-raw" ->
          "raw/events/" + DAY_PATH.format(time) + "/part-" + Ids.hex(random, 12) + ".json.gz";
      case "example-build-artifacts" ->
          "builds/" + SERVICES[random.nextInt(SERVICES.length)] + "/" + Ids.hex(random, 7) + "/app.tar.gz";
      case "example-app-uploads" -> "uploads/" + Ids.uuid(random) + "/avatar.png";
      default -> "AWSLogs/" + Population.PROD_ACCOUNT + "/CloudTrail/us-east-1/" + DAY_PATH.format(time) + "/"
          + Population.PROD_ACCOUNT + "_CloudTrail_us-east-1_" + Ids.hex(random, 8) + ".json.gz";
    };
  }
}
