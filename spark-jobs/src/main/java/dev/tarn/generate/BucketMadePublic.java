package dev.tarn.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@value #NAME}: a PutBucketAcl granting READ to {@value #ALL_USERS} on bucket {@value #BUCKET}, then a
 * PutBucketPolicy allowing {@code s3:GetObject} to Principal {@code "*"}, by an administrator's SSO session.
 */
final class BucketMadePublic implements Scenario {
  static final String NAME = "bucket-made-public";
  static final String BUCKET = "example-customer-exports";
  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "S3 bucket ACL granted to AllUsers and a bucket policy with Principal *";
  }

  @Override
  public List<InjectedEvent> events(ScenarioContext context) {
    Instant aclTime = context.anchor(LogType.CLOUDTRAIL);
    Instant policyTime = context.after(aclTime, 30, 90);

    ObjectNode acl = bucketParameters();
    acl.put("acl", "");
    ObjectNode policy = acl.putObject("AccessControlPolicy");
    ArrayNode grants = policy.putObject("AccessControlList").putArray("Grant");
    ObjectNode owner = grants.addObject();
    owner.putObject("Grantee").put("xmlns:xsi", XSI).put("xsi:type", "CanonicalUser")
        .put("ID", Population.CANONICAL_OWNER_ID);
    owner.put("Permission", "FULL_CONTROL");
    ObjectNode everyone = grants.addObject();
    everyone.putObject("Grantee").put("xmlns:xsi", XSI).put("xsi:type", "Group").put("URI", ALL_USERS);
    everyone.put("Permission", "READ");
    policy.put("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/");
    policy.putObject("Owner").put("ID", Population.CANONICAL_OWNER_ID);

    ObjectNode bucketPolicy = Json.object();
    ObjectNode document = bucketPolicy.putObject("bucketPolicy");
    document.put("Version", "2012-10-17");
    document.putArray("Statement").addObject()
        .put("Sid", "PublicReadGetObject")
        .put("Effect", "Allow")
        .put("Principal", "*")
        .put("Action", "s3:GetObject")
        .put("Resource", "arn:aws:s3:::" + BUCKET + "/*");
    bucketPolicy.setAll(bucketParameters());
    bucketPolicy.put("policy", "");

    return List.of(
        InjectedEvent.json(NAME, LogType.CLOUDTRAIL, aclTime, call(context, aclTime, "PutBucketAcl", acl)),
        InjectedEvent.json(NAME, LogType.CLOUDTRAIL, policyTime,
            call(context, policyTime, "PutBucketPolicy", bucketPolicy)));
  }

  private static ObjectNode bucketParameters() {
    ObjectNode parameters = Json.object();
    parameters.put("bucketName", BUCKET);
    parameters.put("Host", BUCKET + ".s3." + Population.HOME_REGION + ".amazonaws.com");
    return parameters;
  }

  private static ObjectNode call(ScenarioContext context, Instant time, String eventName, ObjectNode parameters) {
    var random = context.random();
    Population.AwsRole admin = Population.SSO_ROLES.get(0);
    ObjectNode additional = Json.object();
    additional.put("SignatureVersion", "SigV4");
    additional.put("CipherSuite", "TLS_AES_128_GCM_SHA256");
    additional.put("bytesTransferredIn", 0);
    additional.put("AuthenticationMethod", "AuthHeader");
    additional.put("x-amz-id-2", Ids.base64(random, 48));
    additional.put("bytesTransferredOut", 0);
    return CloudTrailRecord.builder(time, "s3.amazonaws.com", eventName)
        .identity(CloudTrailRecord.assumedRole(admin, Population.CAROL.email(), "ASIA" + Ids.awsId(random, 16),
            time.minusSeconds(600), false))
        .source(Population.CAROL.network().ip(), "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488]")
        .requestParameters(parameters)
        .additionalEventData(additional)
        .requestId(Ids.upperHex(random, 16))
        .resources(CloudTrailRecord.resource(admin.accountId(), "AWS::S3::Bucket", "arn:aws:s3:::" + BUCKET))
        .tlsHost(BUCKET + ".s3." + Population.HOME_REGION + ".amazonaws.com")
        .build(random);
  }
}
