package dev.tarn.generate;

import java.util.List;

/**
 * The fixed cast of the synthetic company, Example Corp: its AWS accounts, people, IAM users, roles, buckets,
 * Okta apps and GitHub repositories. Every log type draws from the same cast, so a person's IP, browser and
 * location agree across CloudTrail, Okta and GitHub. Identifiers are derived from names, never from the
 * generator's seed, so they stay stable between runs.
 */
final class Population {
  static final String DOMAIN = "example.com";
  static final String PROD_ACCOUNT = "123456789012";
  static final String DEV_ACCOUNT = "234567890123";
  static final String SECURITY_ACCOUNT = "345678901234";
  static final List<String> ACCOUNTS = List.of(PROD_ACCOUNT, DEV_ACCOUNT, SECURITY_ACCOUNT);

  static final Weighted<String> REGIONS = Weighted.<String>builder()
      .add("us-east-1", 60).add("us-west-2", 25).add("eu-west-1", 10).add("ap-southeast-2", 5).build();
  static final String HOME_REGION = "us-east-1";

  /** A city as Okta's geographicalContext describes it. */
  record Place(String city, String state, String country, String countryCode, String postalCode,
      double lat, double lon) {}

  /** Where a connection comes from: the address and the autonomous system Okta's securityContext names. */
  record Network(String ip, int asNumber, String asOrg, String isp, String domain, boolean proxy, Place place) {}

  /** A browser as Okta's client.userAgent describes it. */
  record Browser(String rawUserAgent, String os, String browser, String device) {}

  /** An employee, with their accounts in Okta and GitHub. */
  record Person(String login, String displayName, String githubLogin, Network network, Browser browser) {
    String email() {
      return login + "@" + DOMAIN;
    }

    String oktaId() {
      return "00u" + stableId("okta:" + login, 17, false);
    }
  }

  /** An IAM user with a long-lived access key. {@code owner} is the person behind it, or null for a machine. */
  record IamUser(String userName, String accountId, Person owner) {
    String arn() {
      return "arn:aws:iam::" + accountId + ":user/" + userName;
    }

    String principalId() {
      return "AIDA" + stableId("iam-user:" + accountId + userName, 17, true);
    }

    String accessKeyId() {
      return "AKIA" + stableId("iam-key:" + accountId + userName, 16, true);
    }
  }

  /** An IAM role; {@code sso} roles are assumed by people through IAM Identity Center. */
  record AwsRole(String name, String accountId, boolean sso) {
    String arn() {
      return "arn:aws:iam::" + accountId + ":role/" + (sso ? "aws-reserved/sso.amazonaws.com/" : "") + name;
    }

    String roleId() {
      return "AROA" + stableId("role:" + accountId + name, 17, true);
    }
  }

  static final Place SAN_FRANCISCO =
      new Place("San Francisco", "California", "United States", "US", "94107", 37.7697, -122.3933);
  static final Place AMSTERDAM =
      new Place("Amsterdam", "North Holland", "Netherlands", "NL", "1012", 52.374, 4.8897);

  static final Browser MAC_CHROME = new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
      + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Mac OS X", "CHROME", "Computer");
  static final Browser WINDOWS_EDGE = new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80", "Windows 10", "EDGE", "Computer");
  static final Browser LINUX_FIREFOX = new Browser(
      "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Linux", "FIREFOX", "Computer");
  static final Browser MAC_SAFARI = new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
      + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15", "Mac OS X", "SAFARI", "Computer");
  static final Browser IPHONE_SAFARI = new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) "
      + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1", "iOS", "SAFARI",
      "Mobile");

  /** The outsider of every scenario: a hosting provider's address behind an anonymizing proxy. */
  static final Network ATTACKER_NETWORK = new Network("203.0.113.77", 60781, "leaseweb netherlands b.v.",
      "leaseweb", "leaseweb.com", true, AMSTERDAM);
  static final Browser ATTACKER_BROWSER = new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
      + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36", "Windows 10", "CHROME", "Computer");

  static final Person ALICE = person("alice.nguyen", "Alice Nguyen", "anguyen-ex",
      new Network("73.189.42.17", 7922, "comcast", "comcast cable communications", "comcast.net", false,
          SAN_FRANCISCO), MAC_CHROME);
  static final Person BOB = person("bob.martin", "Bob Martin", "bobm-ex",
      new Network("107.77.201.33", 7018, "at&t services", "at&t internet", "att.net", false,
          new Place("Austin", "Texas", "United States", "US", "78701", 30.2711, -97.7437)), WINDOWS_EDGE);
  static final Person CAROL = person("carol.smith", "Carol Smith", "csmith-ex",
      new Network("71.105.18.204", 701, "verizon business", "verizon fios", "verizon.net", false,
          new Place("New York", "New York", "United States", "US", "10001", 40.7484, -73.9967)), LINUX_FIREFOX);
  static final Person DAVE = person("dave.okafor", "Dave Okafor", "dokafor",
      new Network("86.150.77.12", 2856, "british telecommunications plc", "bt", "bt.com", false,
          new Place("London", "England", "United Kingdom", "GB", "EC1A", 51.5203, -0.0984)), MAC_SAFARI);
  static final Person ERIN = person("erin.kowalski", "Erin Kowalski", "erink",
      new Network("73.45.130.88", 7922, "comcast", "comcast cable communications", "comcast.net", false,
          new Place("Chicago", "Illinois", "United States", "US", "60601", 41.8858, -87.6181)), MAC_CHROME);
  static final Person FRANK = person("frank.li", "Frank Li", "frankli-dev",
      new Network("98.232.5.140", 7922, "comcast", "comcast cable communications", "comcast.net", false,
          new Place("Seattle", "Washington", "United States", "US", "98101", 47.6101, -122.3344)), LINUX_FIREFOX);
  static final Person GRACE = person("grace.haddad", "Grace Haddad", "ghaddad",
      new Network("93.192.14.201", 3320, "deutsche telekom ag", "deutsche telekom ag", "t-ipconnect.de", false,
          new Place("Berlin", "Land Berlin", "Germany", "DE", "10115", 52.5323, 13.3846)), MAC_CHROME);
  static final Person HEIDI = person("heidi.tanaka", "Heidi Tanaka", "htanaka",
      new Network("24.28.199.61", 20115, "charter communications", "spectrum", "spectrum.com", false,
          new Place("Denver", "Colorado", "United States", "US", "80202", 39.7525, -104.9995)), WINDOWS_EDGE);
  static final Person IVAN = person("ivan.petrov", "Ivan Petrov", "ipetrov",
      new Network("99.229.61.9", 812, "rogers communications canada inc.", "rogers", "rogers.com", false,
          new Place("Toronto", "Ontario", "Canada", "CA", "M5V", 43.6426, -79.3871)), MAC_CHROME);
  static final Person JUDY = person("judy.okoye", "Judy Okoye", "jokoye",
      new Network("71.174.50.92", 701, "verizon business", "verizon fios", "verizon.net", false,
          new Place("Boston", "Massachusetts", "United States", "US", "02110", 42.357, -71.0511)), IPHONE_SAFARI);

  static final List<Person> PEOPLE = List.of(ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GRACE, HEIDI, IVAN, JUDY);

  static final IamUser BOB_IAM = new IamUser("bob.martin", PROD_ACCOUNT, BOB);
  static final IamUser CAROL_IAM = new IamUser("carol.smith", PROD_ACCOUNT, CAROL);
  static final IamUser CI_DEPLOY = new IamUser("ci-deploy", PROD_ACCOUNT, null);
  static final List<IamUser> IAM_USERS = List.of(BOB_IAM, CAROL_IAM, CI_DEPLOY,
      new IamUser("terraform", PROD_ACCOUNT, null), new IamUser("backup-agent", PROD_ACCOUNT, null),
      new IamUser("ci-deploy", DEV_ACCOUNT, null), new IamUser("frank.li", DEV_ACCOUNT, FRANK));

  static final List<AwsRole> SSO_ROLES = List.of(
      new AwsRole("AWSReservedSSO_AdministratorAccess_" + stableHex("sso-admin-prod", 16), PROD_ACCOUNT, true),
      new AwsRole("AWSReservedSSO_ReadOnlyAccess_" + stableHex("sso-ro-prod", 16), PROD_ACCOUNT, true),
      new AwsRole("AWSReservedSSO_PowerUserAccess_" + stableHex("sso-pu-dev", 16), DEV_ACCOUNT, true),
      new AwsRole("AWSReservedSSO_SecurityAudit_" + stableHex("sso-audit-sec", 16), SECURITY_ACCOUNT, true));

  static final List<AwsRole> WORKLOAD_ROLES = List.of(
      new AwsRole("api-gateway-lambda-role", PROD_ACCOUNT, false),
      new AwsRole("eks-node-role", PROD_ACCOUNT, false),
      new AwsRole("data-pipeline-role", PROD_ACCOUNT, false),
      new AwsRole("eks-node-role", DEV_ACCOUNT, false),
      new AwsRole("security-scanner-role", SECURITY_ACCOUNT, false));

  static final List<String> AWS_SERVICES = List.of("lambda.amazonaws.com", "ec2.amazonaws.com",
      "cloudformation.amazonaws.com", "config.amazonaws.com", "autoscaling.amazonaws.com",
      "elasticloadbalancing.amazonaws.com");

  static final List<String> BUCKETS = List.of("example-prod-assets", "example-data-lake-raw",
      "example-build-artifacts", "example-app-uploads", "example-cloudtrail-logs");

  /** The canonical user id of the bucket owner, as S3 access logs and ACLs print it. */
  static final String CANONICAL_OWNER_ID = stableHex("s3-owner:" + PROD_ACCOUNT, 64);

  static final String OKTA_ORG = "example.okta.com";
  static final List<String> OKTA_APPS = List.of("AWS IAM Identity Center", "Slack", "GitHub Enterprise Cloud",
      "Google Workspace", "Zoom", "Salesforce.com", "Jira Software Cloud");

  static final String GITHUB_ORG = "example-corp";
  static final String GITHUB_BUSINESS = "example-enterprise";
  static final List<String> GITHUB_REPOS = List.of("api-gateway", "web-frontend", "infra-terraform",
      "data-pipelines", "mobile-app", "docs", "security-tools", "detections");
  static final List<String> GITHUB_TEAMS = List.of("platform", "frontend", "data", "security");

  private Population() {}

  private static Person person(String login, String name, String github, Network network, Browser browser) {
    return new Person(login, name, github, network, browser);
  }

  /** An id derived from a label only: the same on every run, whatever the generator's seed. */
  static String stableId(String label, int length, boolean aws) {
    var random = new SeedSource(0).forLabel(label);
    return aws ? Ids.awsId(random, length) : Ids.alnum(random, length);
  }

  static String stableHex(String label, int length) {
    return Ids.hex(new SeedSource(0).forLabel(label), length);
  }
}
