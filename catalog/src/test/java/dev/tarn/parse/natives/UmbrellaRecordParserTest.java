package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class UmbrellaRecordParserTest {

  @Test
  void splitsListColumnsIntoArraysAndDropsEmptyOnes() throws Exception {
    assertThat(UmbrellaRecordParser.dns().parse("\"2020-05-21 04:15:14\",\"Office\",\"Office\",\"75.21.22.23\","
        + "\"75.21.22.23\",\"Allowed\",\"1 (A)\",\"NOERROR\",\"example.com.\",\"Infrastructure,Application\","
        + "\"Networks\",\"Networks\",\"\"")).containsExactly(event("""
            {"timestamp": "2020-05-21 04:15:14", "policyIdentity": "Office", "identities": ["Office"],
             "internalIp": "75.21.22.23", "externalIp": "75.21.22.23", "action": "Allowed", "queryType": "1 (A)",
             "responseCode": "NOERROR", "domain": "example.com.", "categories": ["Infrastructure", "Application"],
             "policyIdentityType": "Networks", "identityTypes": ["Networks"]}"""));
  }

  @Test
  void rejectsAnIpLineAsProxy() {
    assertThatThrownBy(() -> UmbrellaRecordParser.proxy().parse("\"2020-06-08 18:55:11\",\"dev\",\"6.24.4.4\","
        + "\"62772\",\"9.189.15.13\",\"22466\",\"Unauthorized IP Tunnel Access\",\"Roaming Computers\""))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("expected 24 comma-separated columns, found 8");
  }
}
