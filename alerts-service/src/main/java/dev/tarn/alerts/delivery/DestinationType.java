package dev.tarn.alerts.delivery;

/** Panther's ten output types, by the names its API uses. */
public enum DestinationType {
  SLACK("slack"),
  PAGERDUTY("pagerduty"),
  OPSGENIE("opsgenie"),
  MSTEAMS("msteams"),
  JIRA("jira"),
  GITHUB("github"),
  ASANA("asana"),
  CUSTOMWEBHOOK("customwebhook"),
  SNS("sns"),
  SQS("sqs");

  private final String apiName;

  DestinationType(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static DestinationType fromApiName(String name) {
    for (DestinationType t : values()) {
      if (t.apiName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown destination type: " + name
        + " (expected one of slack, pagerduty, opsgenie, msteams, jira, github, asana, customwebhook, sns, sqs)");
  }
}
