package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.ConformanceData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3ServerAccessRecordParserTest {

  private static final String LINE = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1"
      + " [06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
      + " 3E57427F3EXAMPLE REST.GET.VERSIONING - \"GET /awsexamplebucket1?versioning HTTP/1.1\" 200 - 113 - 7 -"
      + " \"-\" \"S3Console/0.4\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234="
      + " SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.2";

  @Test
  void mapsColumnsToSchemaFieldsAndRendersTheTime() throws Exception {
    assertThat(new S3ServerAccessRecordParser().parse(LINE)).containsExactly(event("""
        {"bucketowner": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
         "bucket": "awsexamplebucket1", "time": "2019-02-06T00:00:38Z", "remoteip": "192.0.2.3",
         "requester": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
         "requestid": "3E57427F3EXAMPLE", "operation": "REST.GET.VERSIONING",
         "requesturi": "GET /awsexamplebucket1?versioning HTTP/1.1", "httpstatus": "200", "bytessent": "113",
         "totaltime": "7", "useragent": "S3Console/0.4",
         "hostid": "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=",
         "signatureversion": "SigV4", "ciphersuite": "ECDHE-RSA-AES128-GCM-SHA256", "authenticationtype": "AuthHeader",
         "hostheader": "awsexamplebucket1.s3.us-west-1.amazonaws.com", "tlsVersion": "TLSV1.2"}"""));
  }

  @Test
  void keepsColumnsBeyondTheKnownOnesAsAdditionalFields() throws Exception {
    ObjectNode event = new S3ServerAccessRecordParser().parse(LINE + " - Yes").get(0);

    assertThat(event.get("additionalFields").toString()).isEqualTo("[\"-\",\"Yes\"]");
  }

  @Test
  void parsesEveryConformanceSample() throws Exception {
    List<String> lines = Files.readAllLines(ConformanceData.require("parsers/awslogs/s3_server_access_samples.log"));
    S3ServerAccessRecordParser parser = new S3ServerAccessRecordParser();

    for (String line : lines) {
      if (!line.isBlank()) {
        assertThat(parser.parse(line.strip())).as(line).hasSize(1);
      }
    }
  }

  @Test
  void rejectsALineWithTooFewColumns() {
    assertThatThrownBy(() -> new S3ServerAccessRecordParser().parse(LINE.substring(0, LINE.indexOf(" 200 "))))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("expected at least 24 space-separated fields (the bracketed time counting as one), found 9");
  }

  @Test
  void rejectsAnUnreadableTime() {
    assertThatThrownBy(() -> new S3ServerAccessRecordParser().parse(LINE.replace("06/Feb/2019", "06/Fbr/2019")))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid time '06/Fbr/2019:00:00:38 +0000' (expected dd/MMM/yyyy:HH:mm:ss +hhmm)");
  }

  @Test
  void rejectsALineWhoseThirdFieldIsNotBracketed() {
    assertThatThrownBy(() -> new S3ServerAccessRecordParser().parse("a b c d"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("expected a bracketed field at field 3");
  }
}
