package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  private final AlertNotification rule = TestAlerts.rule();

  @Test
  void ruleTitlesStartWithNewAlert() {
    assertThat(Notifications.title(rule)).isEqualTo("New Alert: Root login from 1.2.3.4");
  }

  @Test
  void ruleErrorTitlesStartWithNewRuleError() {
    assertThat(Notifications.title(TestAlerts.withType(rule, AlertType.RULE_ERROR, false)))
        .isEqualTo("New rule error: Root login from 1.2.3.4");
  }

  @Test
  void policyTitlesNameThePolicy() {
    assertThat(Notifications.title(TestAlerts.withType(rule, AlertType.POLICY, false)))
        .isEqualTo("Policy Failure: Root account login");
  }

  @Test
  void policyTitlesFallBackToThePolicyIdWithoutAName() {
    AlertNotification unnamed = new AlertNotification("p1", "AWS.S3.Encrypted", AlertType.POLICY, null, "t", "LOW",
        null, null, null, null, null, TestAlerts.CREATED, null, null, 1, null, false);
    assertThat(Notifications.title(unnamed)).isEqualTo("Policy Failure: AWS.S3.Encrypted");
  }

  @Test
  void systemErrorTitlesStartWithNewSystemError() {
    assertThat(Notifications.title(TestAlerts.system()))
        .isEqualTo("New system error: No data from aws-cloudtrail-prod for 3h");
  }

  @Test
  void systemErrorMessagesCountOccurrencesInsteadOfEvents() {
    assertThat(Notifications.plainText(TestAlerts.system())).isEqualTo("""
        Tarn alarm Source silent fired
        For more details please visit: https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90
        Severity: HIGH
        Runbook: docs/runbooks.md#source-silent
        Description: Source aws-cloudtrail-prod sent nothing for 3h.
        Tags: tarn-health
        Occurrences: 2
        Alert context: {"source":"aws-cloudtrail-prod"}""");
    assertThat(Notifications.markup(TestAlerts.system(), Notifications.Markup.MARKDOWN))
        .contains("**Occurrences:** 2\n").doesNotContain("Events:");
  }

  @Test
  void resentTitlesStartWithResent() {
    assertThat(Notifications.title(TestAlerts.withType(rule, AlertType.RULE, true)))
        .isEqualTo("[Re-sent]: Root login from 1.2.3.4");
  }

  @Test
  void genericNotificationHasPanthersFieldsPlusCounts() throws Exception {
    JsonNode expected = PayloadJson.parse("""
        {"id": "AWS.CloudTrail.RootLogin", "createdAt": "2024-05-06T07:08:09Z", "severity": "HIGH", "type": "RULE",
         "link": "https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90",
         "title": "New Alert: Root login from 1.2.3.4", "name": "Root account login",
         "alertId": "a1b2c3d4e5f60718293a4b5c6d7e8f90", "alertContext": {"ip": "1.2.3.4", "count": 2},
         "description": "The root account was used.", "runbook": "Check with the account owner.",
         "tags": ["AWS", "Identity"], "version": "v3", "eventCount": 3, "logTypes": ["AWS.CloudTrail"]}
        """);
    // Compare the wire form: what receivers parse.
    assertThat(PayloadJson.parse(PayloadJson.text(Notifications.generic(rule)))).isEqualTo(expected);
  }

  @Test
  void genericNotificationKeepsEveryKeyWhenFieldsAreMissing() {
    AlertNotification sparse = new AlertNotification("id1", "Rule.X", AlertType.RULE, null, "Rule.X", "LOW", null,
        null, null, null, null, TestAlerts.CREATED, null, null, 1, null, false);
    JsonNode json = Notifications.generic(sparse);
    assertThat(json.fieldNames()).toIterable().containsExactly("id", "createdAt", "severity", "type", "link", "title",
        "name", "alertId", "alertContext", "description", "runbook", "tags", "version", "eventCount", "logTypes");
    assertThat(json.get("alertContext").isNull()).isTrue();
    assertThat(json.get("tags").isArray()).isTrue();
    assertThat(json.get("tags")).isEmpty();
  }

  @Test
  void alertContextThatIsNotJsonIsSentAsText() {
    JsonNode json = Notifications.generic(TestAlerts.withContext(rule, "{not json"));
    assertThat(json.get("alertContext").isTextual()).isTrue();
    assertThat(json.get("alertContext").asText()).isEqualTo("{not json");
  }

  @Test
  void alertContextWithTrailingTextIsNotTakenForJson() {
    JsonNode json = Notifications.generic(TestAlerts.withContext(rule, "{\"a\":1} trailing"));
    assertThat(json.get("alertContext").asText()).isEqualTo("{\"a\":1} trailing");
  }

  @Test
  void plainTextMessageFollowsPanthersTemplateThenAddsTarnsFields() {
    assertThat(Notifications.plainText(rule)).isEqualTo("""
        Root account login triggered
        For more details please visit: https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90
        Severity: HIGH
        Runbook: Check with the account owner.
        Description: The root account was used.
        Tags: AWS, Identity
        Events: 3 (AWS.CloudTrail)
        Alert context: {"ip":"1.2.3.4","count":2}""");
  }

  @Test
  void plainTextHeadlineSaysWhatKindOfAlertItIs() {
    assertThat(Notifications.plainText(TestAlerts.withType(rule, AlertType.RULE_ERROR, false)))
        .startsWith("Root account login raised an error\n");
    assertThat(Notifications.plainText(TestAlerts.withType(rule, AlertType.POLICY, false)))
        .startsWith("Root account login failed on new resources\n");
  }

  @Test
  void markdownMessageLinksTheAlertAndShowsTheContextAsACodeBlock() {
    assertThat(Notifications.markup(rule, Notifications.Markup.MARKDOWN)).isEqualTo("""
        **Description:** The root account was used.
        [View in Tarn](https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90)
        **Runbook:** Check with the account owner.
        **Severity:** HIGH
        **Tags:** AWS, Identity
        **Events:** 3 (AWS.CloudTrail)
        **Alert context:**
        ```json
        {
          "ip" : "1.2.3.4",
          "count" : 2
        }
        ```""");
  }

  @Test
  void jiraMessageUsesWikiMarkup() {
    assertThat(Notifications.markup(rule, Notifications.Markup.JIRA)).isEqualTo("""
        *Description:* The root account was used.
        [View in Tarn|https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90]
        *Runbook:* Check with the account owner.
        *Severity:* HIGH
        *Tags:* AWS, Identity
        *Events:* 3 (AWS.CloudTrail)
        *Alert context:*
        {code:json}
        {
          "ip" : "1.2.3.4",
          "count" : 2
        }
        {code}""");
  }

  @Test
  void truncateEndsCutTextWithAnEllipsis() {
    assertThat(Notifications.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(Notifications.truncate("abcd", 4)).isEqualTo("abcd");
  }
}
