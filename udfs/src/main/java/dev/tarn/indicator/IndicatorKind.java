package dev.tarn.indicator;

/**
 * The twelve kinds of indicator Panther collects from every event, each stored in its own
 * {@code p_any_*} column of type {@code array<string>}.
 *
 * <p>Declaration order is part of the contract: callers use {@link #ordinal()} as an array index.
 */
public enum IndicatorKind {
  IP_ADDRESS("p_any_ip_addresses"),
  DOMAIN_NAME("p_any_domain_names"),
  MD5("p_any_md5_hashes"),
  SHA1("p_any_sha1_hashes"),
  SHA256("p_any_sha256_hashes"),
  TRACE_ID("p_any_trace_ids"),
  AWS_ACCOUNT_ID("p_any_aws_account_ids"),
  AWS_INSTANCE_ID("p_any_aws_instance_ids"),
  AWS_ARN("p_any_aws_arns"),
  AWS_TAG("p_any_aws_tags"),
  EMAIL("p_any_emails"),
  USERNAME("p_any_usernames");

  private final String column;

  IndicatorKind(String column) {
    this.column = column;
  }

  /** The lake column holding this kind, e.g. {@code p_any_ip_addresses}. */
  public String column() {
    return column;
  }
}
