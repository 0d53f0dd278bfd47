package dev.tarn.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The log types the generator writes, each under its own directory of the output root. */
public enum LogType {
  CLOUDTRAIL("AWS.CloudTrail", "aws_cloudtrail", "cloudtrail"),
  VPC_FLOW("AWS.VPCFlow", "aws_vpcflow", "vpcflow"),
  S3_SERVER_ACCESS("AWS.S3ServerAccess", "aws_s3serveraccess", "s3access"),
  OKTA_SYSTEM_LOG("Okta.SystemLog", "okta_systemlog", "okta"),
  GITHUB_AUDIT("GitHub.Audit", "github_audit", "github");

  private final String pantherName;
  private final String directory;
  private final String shortName;

  LogType(String pantherName, String directory, String shortName) {
    this.pantherName = pantherName;
    this.directory = directory;
    this.shortName = shortName;
  }

  /** Panther's name for the log type, e.g. {@code AWS.CloudTrail}. */
  public String pantherName() {
    return pantherName;
  }

  /** The subdirectory of the output root, which is also the table name ({@code aws_cloudtrail}). */
  public String directory() {
    return directory;
  }

  /** The short name accepted on the command line ({@code cloudtrail}). */
  public String shortName() {
    return shortName;
  }

  /** Accepts the short name, the Panther name or the directory name, in any case. */
  public static LogType parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (LogType type : values()) {
      if (type.shortName.equals(wanted)
          || type.pantherName.toLowerCase(Locale.ROOT).equals(wanted)
          || type.directory.equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown log type: '" + text + "' (expected one of "
            + Arrays.stream(values()).map(LogType::shortName).collect(Collectors.joining(", "))
            + ", or a Panther name such as AWS.CloudTrail)");
  }
}
