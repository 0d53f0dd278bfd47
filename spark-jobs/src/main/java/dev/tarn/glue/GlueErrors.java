package dev.tarn.glue;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Glue's refusals turned into what went wrong and what to do about it. */
final class GlueErrors {
  private GlueErrors() {}

  /**
   * @param action what was attempted, e.g. {@code create table panther_logs.aws_alb}
   * @param operation the Glue API operation, for the IAM action to grant
   */
  static String describe(String action, String operation, AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    if (code == null) {
      return action + " failed (HTTP " + e.statusCode() + "): " + message;
    }
    return switch (code) {
      case "AccessDeniedException" -> action + ": access denied (" + message + "). Grant the credentials in use "
          + "glue:" + operation + " on the catalog, database and table (and Lake Formation permissions if Lake "
          + "Formation governs the catalog).";
      case "EntityNotFoundException" -> action + ": not found (" + message + "); it was probably deleted while "
          + "gluesync ran. Run gluesync again.";
      case "AlreadyExistsException" -> action + ": it was created by someone else while gluesync ran (" + message
          + "). Run gluesync again to bring it up to date.";
      case "ThrottlingException", "ResourceNumberLimitExceededException" -> action + ": Glue refused it after "
          + "retries (" + code + ": " + message + "). Run again later, or sync fewer tables at a time (--prefix).";
      default -> action + " failed: " + code + ": " + message;
    };
  }
}
