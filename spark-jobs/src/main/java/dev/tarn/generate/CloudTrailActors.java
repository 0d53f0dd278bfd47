package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who makes background CloudTrail calls: people through SSO roles, workloads through their roles, IAM users
 * (people and pipelines) with long-lived keys, and AWS services on the company's behalf. Never Root: root
 * activity appears only when the {@code root-console-login} scenario adds it.
 */
final class CloudTrailActors {

  /** The caller of one event: its userIdentity block and where the call came from. */
  record Actor(ObjectNode identity, String accountId, String sourceIp, String userAgent, boolean person,
      boolean service) {
    Actor {
      requireNonNull(identity, "identity is null");
      requireNonNull(accountId, "accountId is null");
      requireNonNull(sourceIp, "sourceIp is null");
      requireNonNull(userAgent, "userAgent is null");
    }
  }

  private enum Kind { SSO_PERSON, WORKLOAD, IAM_USER, SERVICE }

  private static final Weighted<Kind> KINDS = Weighted.<Kind>builder()
      .add(Kind.SSO_PERSON, 30).add(Kind.WORKLOAD, 32).add(Kind.IAM_USER, 22).add(Kind.SERVICE, 16).build();
  private static final Weighted<String> CLI_AGENTS = Weighted.<String>builder()
      .add("aws-cli/2.15.40 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off", 5)
      .add("aws-cli/2.15.31 Python/3.11.8 Linux/6.5.0-1018-aws exe/x86_64.ubuntu.22 prompt/off", 3)
      .add("Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.12.2", 2)
      .build();
  private static final Weighted<String> SDK_AGENTS = Weighted.<String>builder()
      .add("Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10.214-202.855.amzn2.x86_64 lang/python#3.11.9", 5)
      .add("aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.156.0", 3)
      .add("aws-sdk-java/2.25.31 Linux/5.10.214 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10", 2)
      .add("aws-sdk-nodejs/2.1602.0 linux/v18.20.2 exec-env/AWS_Lambda_nodejs18.x", 2)
      .build();
  private static final String TERRAFORM_AGENT = "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) "
      + "terraform-provider-aws/5.46.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.51.21";
  /** NAT gateway addresses of the company's VPCs: where workloads and CI runners appear from. */
  private static final List<String> NAT_IPS = List.of("52.23.181.10", "34.205.12.77", "54.187.96.3");
  private static final String CI_RUNNER_IP = "192.0.2.45";

  private CloudTrailActors() {}

  /** A caller for an API call; {@code serviceCallable} says whether an AWS service may make this call. */
  static Actor pick(SplittableRandom random, Instant time, boolean serviceCallable) {
    Kind kind = KINDS.pick(random);
    if (kind == Kind.SERVICE && !serviceCallable) {
      kind = Kind.WORKLOAD;
    }
    return switch (kind) {
      case SSO_PERSON -> ssoPerson(random, time, random.nextInt(10) < 6);
      case WORKLOAD -> workload(random, time);
      case IAM_USER -> iamUser(random, random.nextInt(10) < 3);
      case SERVICE -> service(random);
    };
  }

  /** A person signed in to the console through SSO ({@code console}) or using the CLI with SSO credentials. */
  static Actor ssoPerson(SplittableRandom random, Instant time, boolean console) {
    return sso(Population.PEOPLE.get(random.nextInt(Population.PEOPLE.size())), random, time, console);
  }

  static Actor sso(Population.Person person, SplittableRandom random, Instant time, boolean console) {
    Population.AwsRole role = Population.SSO_ROLES.get(random.nextInt(Population.SSO_ROLES.size()));
    ObjectNode identity = CloudTrailRecord.assumedRole(role, person.email(), "ASIA" + Ids.awsId(random, 16),
        time.minus(Duration.ofSeconds(random.nextInt(3600))), false);
    String agent = console ? "AWS Internal" : CLI_AGENTS.pick(random);
    return new Actor(identity, role.accountId(), person.network().ip(), agent, true, false);
  }

  static Actor workload(SplittableRandom random, Instant time) {
    Population.AwsRole role = Population.WORKLOAD_ROLES.get(random.nextInt(Population.WORKLOAD_ROLES.size()));
    String session = switch (role.name()) {
      case "api-gateway-lambda-role" -> List.of("orders-api", "users-api", "webhook-handler").get(random.nextInt(3));
      case "data-pipeline-role" -> "airflow-" + Ids.hex(random, 8);
      case "security-scanner-role" -> "scanner";
      default -> "i-0" + Ids.hex(random, 16);
    };
    ObjectNode identity = CloudTrailRecord.assumedRole(role, session, "ASIA" + Ids.awsId(random, 16),
        time.minus(Duration.ofSeconds(random.nextInt(21600))), false);
    return new Actor(identity, role.accountId(), NAT_IPS.get(random.nextInt(NAT_IPS.size())),
        SDK_AGENTS.pick(random), false, false);
  }

  /** An IAM user: a person's legacy user (possibly in the console) or a pipeline's. */
  static Actor iamUser(SplittableRandom random, boolean console) {
    Population.IamUser user = Population.IAM_USERS.get(random.nextInt(Population.IAM_USERS.size()));
    ObjectNode identity = CloudTrailRecord.iamUser(user);
    if (user.owner() != null) {
      String agent = console ? "AWS Internal" : CLI_AGENTS.pick(random);
      return new Actor(identity, user.accountId(), user.owner().network().ip(), agent, true, false);
    }
    String agent = user.userName().equals("terraform") ? TERRAFORM_AGENT : CLI_AGENTS.pick(random);
    String ip = user.userName().equals("ci-deploy") ? CI_RUNNER_IP : NAT_IPS.get(random.nextInt(NAT_IPS.size()));
    return new Actor(identity, user.accountId(), ip, agent, false, false);
  }

  static Actor service(SplittableRandom random) {
    String service = Population.AWS_SERVICES.get(random.nextInt(Population.AWS_SERVICES.size()));
    String account = Population.ACCOUNTS.get(random.nextInt(Population.ACCOUNTS.size()));
    return new Actor(CloudTrailRecord.awsService(service), account, service, service, false, true);
  }
}
