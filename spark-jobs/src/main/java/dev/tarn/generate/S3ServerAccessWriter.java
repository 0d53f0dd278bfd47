package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * AWS.S3ServerAccess in S3's space-delimited format: 26 fields, the time in brackets, request line, referrer
 * and user agent in quotes, {@code -} for absent values. Files are named as S3 delivers them
 * ({@code yyyy-MM-dd-HH-mm-ss-<16 hex>}).
 */
final class S3ServerAccessWriter implements LogWriter {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);
  private static final String CLOUDFRONT = "svc:cloudfront.amazonaws.com";

  private enum Operation {
    GET_OBJECT("REST.GET.OBJECT", "GET", true), PUT_OBJECT("REST.PUT.OBJECT", "PUT", true),
    HEAD_OBJECT("REST.HEAD.OBJECT", "HEAD", true), DELETE_OBJECT("REST.DELETE.OBJECT", "DELETE", true),
    LIST("REST.GET.BUCKET", "GET", false), LOCATION("REST.GET.LOCATION", "GET", false),
    POLICY("REST.GET.BUCKETPOLICY", "GET", false), ACL("REST.GET.ACL", "GET", false);

    final String name;
    final String method;
    final boolean object;

    Operation(String name, String method, boolean object) {
      this.name = name;
      this.method = method;
      this.object = object;
    }
  }

  private static final Weighted<Operation> OPERATIONS = Weighted.<Operation>builder()
      .add(Operation.GET_OBJECT, 45).add(Operation.PUT_OBJECT, 14).add(Operation.HEAD_OBJECT, 12)
      .add(Operation.DELETE_OBJECT, 2).add(Operation.LIST, 7).add(Operation.LOCATION, 3)
      .add(Operation.POLICY, 1).add(Operation.ACL, 1).build();

  /** Who reads and writes the buckets: workloads, pipelines, people, and CloudFront for the asset bucket. */
  private record Requester(String arn, String ip, String userAgent) {}

  private static final List<Requester> REQUESTERS = List.of(
      new Requester("arn:aws:sts::" + Population.PROD_ACCOUNT + ":assumed-role/api-gateway-lambda-role/orders-api",
          "52.23.181.10", "aws-sdk-nodejs/2.1602.0 linux/v18.20.2 exec-env/AWS_Lambda_nodejs18.x"),
      new Requester("arn:aws:sts::" + Population.PROD_ACCOUNT + ":assumed-role/data-pipeline-role/airflow-3f9c1a2b",
          "34.205.12.77", "Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10.214 lang/python#3.11.9"),
      new Requester(Population.CI_DEPLOY.arn(), "192.0.2.45",
          "aws-cli/2.15.31 Python/3.11.8 Linux/6.5.0-1018-aws exe/x86_64.ubuntu.22 prompt/off command/s3.cp"),
      new Requester(Population.BOB_IAM.arn(), Population.BOB.network().ip(), "S3Console/0.4"),
      new Requester("arn:aws:sts::" + Population.PROD_ACCOUNT + ":assumed-role/eks-node-role/i-0a1b2c3d4e5f67890",
          "54.187.96.3", "aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 md/GOOS#linux md/GOARCH#amd64"));

  private final SplittableRandom random;
  private final SplittableRandom names;
  private final boolean gzip;

  S3ServerAccessWriter(SplittableRandom random, SplittableRandom names, boolean gzip) {
    this.random = requireNonNull(random, "random is null");
    this.names = requireNonNull(names, "names is null");
    this.gzip = gzip;
  }

  @Override
  public LogType type() {
    return LogType.S3_SERVER_ACCESS;
  }

  @Override
  public LogEvent background(Instant time) {
    String bucket = Population.BUCKETS.get(random.nextInt(Population.BUCKETS.size()));
    Operation operation = OPERATIONS.pick(random);
    boolean viaCloudFront = bucket.equals("example-prod-assets") && operation == Operation.GET_OBJECT;
    Requester requester = viaCloudFront
        ? new Requester(CLOUDFRONT, "130.176." + random.nextInt(256) + "." + random.nextInt(256), "Amazon CloudFront")
        : REQUESTERS.get(random.nextInt(REQUESTERS.size()));
    String key = operation.object ? S3Keys.key(bucket, time, random) : "-";
    long size = 200 + random.nextLong(operation == Operation.PUT_OBJECT ? 8_000_000 : 2_000_000);

    int status;
    String error = "-";
    String bytesSent = "-";
    String objectSize = "-";
    int roll = random.nextInt(100);
    if (roll < 2) {
      status = 403;
      error = "AccessDenied";
      bytesSent = "243";
    } else if (operation.object && operation != Operation.PUT_OBJECT && roll < 5) {
      status = 404;
      error = "NoSuchKey";
      bytesSent = "328";
    } else if (operation == Operation.POLICY && roll < 50) {
      status = 404;
      error = "NoSuchBucketPolicy";
      bytesSent = "296";
    } else {
      status = operation == Operation.DELETE_OBJECT ? 204 : 200;
      switch (operation) {
        case GET_OBJECT -> {
          bytesSent = Long.toString(size);
          objectSize = bytesSent;
        }
        case PUT_OBJECT, HEAD_OBJECT -> objectSize = Long.toString(size);
        case LIST -> bytesSent = Integer.toString(1200 + random.nextInt(40000));
        case LOCATION, POLICY, ACL -> bytesSent = Integer.toString(130 + random.nextInt(900));
        default -> { }
      }
    }
    int totalTime = 1 + random.nextInt(operation == Operation.PUT_OBJECT ? 400 : 80);
    String uri = switch (operation) {
      case LIST -> "/?list-type=2&prefix=" + (bucket.equals("example-data-lake-raw") ? "raw%2Fevents%2F" : "")
          + "&encoding-type=url";
      case LOCATION -> "/?location";
      case POLICY -> "/?policy";
      case ACL -> "/?acl";
      default -> "/" + key;
    };
    boolean tls13 = random.nextInt(3) > 0;
    String line = String.join(" ", Population.CANONICAL_OWNER_ID, bucket,
        "[" + LOG_TIME.format(time) + " +0000]", requester.ip(), requester.arn(), Ids.upperHex(random, 16),
        operation.name, key, quoted(operation.method + " " + uri + " HTTP/1.1"), Integer.toString(status), error,
        bytesSent, objectSize, Integer.toString(totalTime), Integer.toString(1 + random.nextInt(totalTime)),
        quoted("-"), quoted(requester.userAgent()), "-", Ids.base64(random, 57), "SigV4",
        tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256", "AuthHeader",
        bucket + ".s3." + Population.HOME_REGION + ".amazonaws.com", tls13 ? "TLSv1.3" : "TLSv1.2", "-", "-");
    return new LogEvent(time, line.getBytes(StandardCharsets.UTF_8));
  }

  private static String quoted(String value) {
    return '"' + value + '"';
  }

  @Override
  public String fileName(int index, Instant firstEvent) {
    return FILE_TIME.format(firstEvent) + "-" + Ids.upperHex(names, 16) + (gzip ? ".gz" : "");
  }

  @Override
  public boolean gzip() {
    return gzip;
  }

  @Override
  public int typicalEventBytes() {
    return 610;
  }
}
