package dev.tarn.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndicatorKindTest {

  @Test
  void declaresTheTwelveColumnsInPantherOrder() {
    assertThat(Arrays.stream(IndicatorKind.values()).map(IndicatorKind::column))
        .containsExactly(
            "p_any_ip_addresses",
            "p_any_domain_names",
            "p_any_md5_hashes",
            "p_any_sha1_hashes",
            "p_any_sha256_hashes",
            "p_any_trace_ids",
            "p_any_aws_account_ids",
            "p_any_aws_instance_ids",
            "p_any_aws_arns",
            "p_any_aws_tags",
            "p_any_emails",
            "p_any_usernames");
  }
}
