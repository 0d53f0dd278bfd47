package dev.tarn.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@value #NAME}: the {@code ci-deploy} IAM user's key, used from the attacker's address, creates IAM user
 * {@value #NEW_USER} and then an access key for it.
 */
final class IamUserAndKey implements Scenario {
  static final String NAME = "iam-user-and-key";
  static final String NEW_USER = "support-sync";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "A new IAM user created and given an access key from an unfamiliar IP";
  }

  @Override
  public List<InjectedEvent> events(ScenarioContext context) {
    var random = context.random();
    Instant created = context.anchor(LogType.CLOUDTRAIL);
    Instant keyed = context.after(created, 20, 70);
    String arn = "arn:aws:iam::" + Population.PROD_ACCOUNT + ":user/" + NEW_USER;

    ObjectNode user = Json.object();
    user.putObject("user")
        .put("path", "/")
        .put("userName", NEW_USER)
        .put("userId", "AIDA" + Ids.awsId(random, 17))
        .put("arn", arn)
        .put("createDate", CloudTrailCatalog.AWS_DATE.format(created));
    ObjectNode key = Json.object();
    key.putObject("accessKey")
        .put("userName", NEW_USER)
        .put("accessKeyId", "AKIA" + Ids.awsId(random, 16))
        .put("status", "Active")
        .put("createDate", CloudTrailCatalog.AWS_DATE.format(keyed));

    return List.of(
        InjectedEvent.json(NAME, LogType.CLOUDTRAIL, created, call(context, created, "CreateUser", user)),
        InjectedEvent.json(NAME, LogType.CLOUDTRAIL, keyed, call(context, keyed, "CreateAccessKey", key)));
  }

  private static ObjectNode call(ScenarioContext context, Instant time, String eventName, ObjectNode response) {
    ObjectNode parameters = Json.object();
    parameters.put("userName", NEW_USER);
    return CloudTrailRecord.builder(time, "iam.amazonaws.com", eventName)
        .identity(CloudTrailRecord.iamUser(Population.CI_DEPLOY))
        .source(Population.ATTACKER_NETWORK.ip(), "aws-cli/2.13.5 Python/3.11.4 Windows/10 exe/AMD64 prompt/off")
        .requestParameters(parameters)
        .responseElements(response)
        .tlsHost("iam.amazonaws.com")
        .build(context.random());
  }
}
