package dev.tarn.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchOutputTest {
  private static final SearchResult RESULT = new SearchResult(
      IndicatorQuery.of(SearchKind.IP.indicator("10.0.0.1"), new TimeRange(Instant.parse("2024-06-03T00:00:00Z"),
          Instant.parse("2024-06-04T00:00:00Z"))).withLimit(1),
      List.of("aws_cloudtrail"), List.of("github_audit"),
      List.of(new LogTypeMatches("AWS.CloudTrail", 2, List.of(new SearchMatch(Instant.parse("2024-06-03T11:00:00Z"),
          "AWS.CloudTrail", "ct-2", null, "{\"eventName\":\"GetObject\"}")))), SearchEngine.LOCAL);

  @Test
  void printsOneJsonDocumentWithEventsAsObjects() throws Exception {
    JsonNode json = new ObjectMapper().readTree(print(true));

    assertThat(json.get("column").asText()).isEqualTo("p_any_ip_addresses");
    assertThat(json.get("total").asLong()).isEqualTo(2);
    assertThat(json.get("engine").asText()).isEqualTo("local");
    assertThat(json.get("tablesWithoutColumn").get(0).asText()).isEqualTo("github_audit");
    JsonNode match = json.get("logTypes").get(0).get("matches").get(0);
    assertThat(match.get("p_row_id").asText()).isEqualTo("ct-2");
    assertThat(match.get("event").get("eventName").asText()).isEqualTo("GetObject");
  }

  @Test
  void printsARangeCountsAndTheLatestRowsAsText() {
    assertThat(print(false))
        .contains("p_any_ip_addresses = '10.0.0.1' (--ip) from 2024-06-03T00:00:00Z to 2024-06-04T00:00:00Z")
        .contains("searched 1 table(s) of panther_logs (in-process); without p_any_ip_addresses: github_audit")
        .contains("AWS.CloudTrail: 2 matches (latest 1 shown)")
        .contains("2024-06-03T11:00:00Z  ct-2  -  {\"eventName\":\"GetObject\"}")
        .contains("total: 2 matches in 1 log type(s)");
  }

  private static String print(boolean json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    if (json) {
      SearchOutput.json(RESULT, stream);
    } else {
      SearchOutput.text(RESULT, stream);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
