package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The API calls of background CloudTrail traffic, weighted the way a real account's trail is: read-only
 * Describe/Get/List calls and KMS/STS plumbing dominate, changes are rare. Deliberately absent, because they
 * are scenario signatures: ConsoleLogin failures, Root, PutBucketAcl, PutBucketPolicy, CreateUser and
 * CreateAccessKey.
 */
final class CloudTrailCatalog {

  /** Where a call is made: the region and the account whose resources it touches. */
  record Call(String region, String accountId, Instant time) {}

  /** Fills the call-specific parts of a record: parameters, response, resources. */
  @FunctionalInterface
  interface Shape {
    void fill(CloudTrailRecord.Builder record, Call call, SplittableRandom random);
  }

  /** One API operation of the catalog. */
  record ApiCall(String eventSource, String eventName, boolean readOnly, boolean serviceCallable, Shape shape) {
    ApiCall {
      requireNonNull(eventSource, "eventSource is null");
      requireNonNull(eventName, "eventName is null");
      requireNonNull(shape, "shape is null");
    }

    /** The regional endpoint a client would name in its Host header. */
    String host(String region) {
      String service = eventSource.substring(0, eventSource.indexOf('.'));
      return service.equals("iam") ? "iam.amazonaws.com" : service + "." + region + ".amazonaws.com";
    }

    /** IAM is global (logged in us-east-1) and every bucket lives in the home region. */
    boolean inHomeRegion() {
      return eventSource.startsWith("iam.") || eventSource.startsWith("s3.");
    }
  }

  static final DateTimeFormatter AWS_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US)
      .withZone(ZoneOffset.UTC);

  private static final Shape NONE = (record, call, random) -> { };
  private static final List<String> INSTANCE_TYPES = List.of("t3.medium", "m6i.large", "c6g.xlarge", "r6i.large");

  static final Weighted<ApiCall> CALLS = Weighted.<ApiCall>builder()
      .add(read("ec2", "DescribeInstances", (r, c, rnd) -> r.requestParameters(instancesFilter(rnd))), 12)
      .add(read("ec2", "DescribeSecurityGroups", NONE), 5)
      .add(read("ec2", "DescribeVolumes", NONE), 4)
      .add(read("ec2", "DescribeSubnets", NONE), 3)
      .add(read("ec2", "DescribeVpcs", NONE), 3)
      .add(read("ec2", "DescribeNetworkInterfaces", NONE), 3)
      .add(read("ec2", "DescribeRegions", NONE), 2)
      .add(read("ec2", "DescribeInstanceStatus", NONE), 2)
      .add(read("s3", "ListBuckets", (r, c, rnd) -> r.requestParameters(host("s3.amazonaws.com"))), 3)
      .add(read("s3", "GetBucketAcl", CloudTrailCatalog::bucketParameters), 4)
      .add(read("s3", "GetBucketPolicy", CloudTrailCatalog::bucketParameters), 3)
      .add(read("s3", "GetBucketLocation", CloudTrailCatalog::bucketParameters), 4)
      .add(read("s3", "GetBucketEncryption", CloudTrailCatalog::bucketParameters), 2)
      .add(read("s3", "GetBucketPublicAccessBlock", CloudTrailCatalog::bucketParameters), 2)
      .add(read("s3", "GetObject", (r, c, rnd) -> objectEvent(r, c, rnd, false)), 8)
      .add(write("s3", "PutObject", (r, c, rnd) -> objectEvent(r, c, rnd, true)), 4)
      .add(read("iam", "GetUser", NONE), 2)
      .add(read("iam", "ListRoles", NONE), 3)
      .add(read("iam", "ListUsers", NONE), 2)
      .add(read("iam", "GetRole", (r, c, rnd) -> r.requestParameters(single("roleName",
          Population.WORKLOAD_ROLES.get(rnd.nextInt(Population.WORKLOAD_ROLES.size())).name()))), 3)
      .add(read("iam", "ListAttachedRolePolicies", NONE), 2)
      .add(read("iam", "GetAccountPasswordPolicy", NONE), 1)
      .add(service("sts", "AssumeRole", false, CloudTrailCatalog::assumeRole), 8)
      .add(read("sts", "GetCallerIdentity", NONE), 4)
      .add(read("sts", "GetSessionToken", NONE), 1)
      .add(service("kms", "Decrypt", true, (r, c, rnd) -> r.requestParameters(encryption())), 7)
      .add(service("kms", "GenerateDataKey", true, (r, c, rnd) -> r.requestParameters(encryption())), 4)
      .add(read("kms", "ListAliases", NONE), 1)
      .add(read("logs", "DescribeLogGroups", NONE), 2)
      .add(service("logs", "CreateLogStream", false, NONE), 2)
      .add(read("lambda", "ListFunctions20150331", NONE), 2)
      .add(read("lambda", "GetFunction20150331v2", NONE), 1)
      .add(read("cloudtrail", "DescribeTrails", NONE), 1)
      .add(read("cloudtrail", "LookupEvents", NONE), 1)
      .add(read("ssm", "GetParameter", (r, c, rnd) -> r.requestParameters(single("name",
          "/prod/" + List.of("orders-api", "users-api", "airflow").get(rnd.nextInt(3)) + "/db-password"))), 3)
      .add(read("ssm", "DescribeInstanceInformation", NONE), 2)
      .add(read("dynamodb", "DescribeTable", (r, c, rnd) -> r.requestParameters(single("tableName",
          List.of("orders", "sessions", "feature-flags").get(rnd.nextInt(3))))), 2)
      .add(read("ecr", "GetAuthorizationToken", NONE), 2)
      .add(read("elasticloadbalancing", "DescribeTargetHealth", NONE), 2)
      .add(read("config", "DescribeConfigRules", NONE), 1)
      .add(write("ec2", "CreateTags", (r, c, rnd) -> r.responseElements(single("_return", "true"))), 1)
      .add(write("ec2", "RunInstances", CloudTrailCatalog::runInstances), 0.3)
      .add(write("ec2", "TerminateInstances", NONE), 0.2)
      .add(write("ec2", "AuthorizeSecurityGroupIngress", NONE), 0.2)
      .add(write("ec2", "CreateSnapshot", NONE), 0.3)
      .add(write("iam", "AttachRolePolicy", NONE), 0.1)
      .add(write("lambda", "UpdateFunctionCode20150331v2", NONE), 0.3)
      .build();

  private CloudTrailCatalog() {}

  private static ApiCall read(String service, String name, Shape shape) {
    return new ApiCall(service + ".amazonaws.com", name, true, false, shape);
  }

  private static ApiCall write(String service, String name, Shape shape) {
    return new ApiCall(service + ".amazonaws.com", name, false, false, shape);
  }

  private static ApiCall service(String service, String name, boolean readOnly, Shape shape) {
    return new ApiCall(service + ".amazonaws.com", name, readOnly, true, shape);
  }

  private static ObjectNode single(String key, String value) {
    ObjectNode node = Json.object();
    node.put(key, value);
    return node;
  }

  private static ObjectNode host(String host) {
    return single("Host", host);
  }

  private static ObjectNode instancesFilter(SplittableRandom random) {
    ObjectNode parameters = Json.object();
    parameters.putObject("instancesSet");
    ObjectNode filters = parameters.putObject("filterSet");
    if (random.nextBoolean()) {
      ObjectNode filter = filters.putArray("items").addObject();
      filter.put("name", "instance-state-name");
      filter.putObject("valueSet").putArray("items").addObject().put("value", "running");
    }
    return parameters;
  }

  private static void bucketParameters(CloudTrailRecord.Builder record, Call call, SplittableRandom random) {
    String bucket = Population.BUCKETS.get(random.nextInt(Population.BUCKETS.size()));
    ObjectNode parameters = Json.object();
    parameters.put("bucketName", bucket);
    parameters.put("Host", bucketHost(bucket));
    record.requestParameters(parameters)
        .requestId(Ids.upperHex(random, 16))
        .tlsHost(bucketHost(bucket))
        .resources(CloudTrailRecord.resource(Population.PROD_ACCOUNT, "AWS::S3::Bucket", "arn:aws:s3:::" + bucket));
  }

  /** The buckets all live in the production account's home region. */
  private static String bucketHost(String bucket) {
    return bucket + ".s3." + Population.HOME_REGION + ".amazonaws.com";
  }

  private static void objectEvent(CloudTrailRecord.Builder record, Call call, SplittableRandom random,
      boolean put) {
    String bucket = Population.BUCKETS.get(random.nextInt(Population.BUCKETS.size()));
    String key = S3Keys.key(bucket, call.time(), random);
    ObjectNode parameters = Json.object();
    parameters.put("bucketName", bucket);
    parameters.put("Host", bucketHost(bucket));
    parameters.put("key", key);
    var resources = CloudTrailRecord.resource(Population.PROD_ACCOUNT, "AWS::S3::Object",
        "arn:aws:s3:::" + bucket + "/" + key);
    resources.addObject().put("accountId", Population.PROD_ACCOUNT).put("type", "AWS::S3::Bucket")
        .put("ARN", "arn:aws:s3:::" + bucket);
    ObjectNode additional = Json.object();
    additional.put("SignatureVersion", "SigV4");
    additional.put("CipherSuite", "ECDHE-RSA-AES128-GCM-SHA256");
    long size = 512 + random.nextLong(4_000_000);
    additional.put("bytesTransferredIn", put ? size : 0);
    additional.put("AuthenticationMethod", "AuthHeader");
    additional.put("x-amz-id-2", Ids.base64(random, 48));
    additional.put("bytesTransferredOut", put ? 0 : size);
    record.dataEvent().requestParameters(parameters).additionalEventData(additional).tlsHost(bucketHost(bucket))
        .requestId(Ids.upperHex(random, 16)).resources(resources);
  }

  private static void assumeRole(CloudTrailRecord.Builder record, Call call, SplittableRandom random) {
    Population.AwsRole role = Population.WORKLOAD_ROLES.get(random.nextInt(Population.WORKLOAD_ROLES.size()));
    String session = "session-" + Ids.hex(random, 12);
    ObjectNode parameters = Json.object();
    parameters.put("roleArn", role.arn());
    parameters.put("roleSessionName", session);
    parameters.put("durationSeconds", 3600);
    ObjectNode response = Json.object();
    ObjectNode credentials = response.putObject("credentials");
    credentials.put("accessKeyId", "ASIA" + Ids.awsId(random, 16));
    credentials.put("sessionToken", Ids.base64(random, 96));
    credentials.put("expiration", AWS_DATE.format(call.time().plusSeconds(3600)));
    ObjectNode assumed = response.putObject("assumedRoleUser");
    assumed.put("assumedRoleId", role.roleId() + ":" + session);
    assumed.put("arn", "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + session);
    record.requestParameters(parameters).responseElements(response).recipientAccountId(role.accountId())
        .resources(CloudTrailRecord.resource(role.accountId(), "AWS::IAM::Role", role.arn()));
  }

  private static ObjectNode encryption() {
    ObjectNode parameters = Json.object();
    parameters.put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
    return parameters;
  }

  private static void runInstances(CloudTrailRecord.Builder record, Call call, SplittableRandom random) {
    String type = INSTANCE_TYPES.get(random.nextInt(INSTANCE_TYPES.size()));
    String image = "ami-0" + Ids.hex(random, 16);
    ObjectNode parameters = Json.object();
    parameters.putObject("instancesSet").putArray("items").addObject()
        .put("imageId", image).put("minCount", 1).put("maxCount", 1);
    parameters.put("instanceType", type);
    ObjectNode response = Json.object();
    response.put("reservationId", "r-0" + Ids.hex(random, 16));
    response.put("ownerId", call.accountId());
    response.putObject("instancesSet").putArray("items").addObject()
        .put("instanceId", "i-0" + Ids.hex(random, 16)).put("imageId", image).put("instanceType", type);
    record.requestParameters(parameters).responseElements(response);
  }
}
