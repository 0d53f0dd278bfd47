package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * One CloudTrail record, with its fields in the order CloudTrail writes them. Background traffic and the
 * scenarios build records through this one builder, so both look the same to a parser.
 */
final class CloudTrailRecord {
  static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private CloudTrailRecord() {}

  static Builder builder(Instant time, String eventSource, String eventName) {
    return new Builder(time, eventSource, eventName);
  }

  /**
   * A console sign-in: {@code responseElements.ConsoleLogin} is "Success" or "Failure" (with errorMessage
   * "Failed authentication"), and {@code additionalEventData.MFAUsed} says whether MFA was used.
   */
  static Builder consoleLogin(Instant time, ObjectNode identity, String sourceIp, String userAgent,
      boolean success, boolean mfaUsed) {
    ObjectNode response = Json.object();
    response.put("ConsoleLogin", success ? "Success" : "Failure");
    ObjectNode additional = Json.object();
    additional.put("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
        + "&state=hashArgsFromTB_us-east-1_" + Population.stableHex("login-state:" + sourceIp, 16));
    additional.put("MobileVersion", "No");
    additional.put("MFAUsed", mfaUsed ? "Yes" : "No");
    Builder builder = builder(time, "signin.amazonaws.com", "ConsoleLogin")
        .identity(identity)
        .source(sourceIp, userAgent)
        .responseElements(response)
        .additionalEventData(additional)
        .noRequestId()
        .eventType("AwsConsoleSignIn")
        .tlsHost("signin.aws.amazon.com");
    return success ? builder : builder.errorMessage("Failed authentication");
  }

  // --- userIdentity blocks -----------------------------------------------------------------------------------

  static ObjectNode iamUser(Population.IamUser user) {
    ObjectNode identity = Json.object();
    identity.put("type", "IAMUser");
    identity.put("principalId", user.principalId());
    identity.put("arn", user.arn());
    identity.put("accountId", user.accountId());
    identity.put("accessKeyId", user.accessKeyId());
    identity.put("userName", user.userName());
    return identity;
  }

  /** A console sign-in carries no access key. */
  static ObjectNode iamUserSigningIn(Population.IamUser user) {
    ObjectNode identity = iamUser(user);
    identity.put("accessKeyId", "");
    return identity;
  }

  static ObjectNode assumedRole(Population.AwsRole role, String sessionName, String accessKeyId,
      Instant sessionCreated, boolean mfa) {
    ObjectNode identity = Json.object();
    identity.put("type", "AssumedRole");
    identity.put("principalId", role.roleId() + ":" + sessionName);
    identity.put("arn", "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName);
    identity.put("accountId", role.accountId());
    identity.put("accessKeyId", accessKeyId);
    ObjectNode session = identity.putObject("sessionContext");
    ObjectNode issuer = session.putObject("sessionIssuer");
    issuer.put("type", "Role");
    issuer.put("principalId", role.roleId());
    issuer.put("arn", role.arn());
    issuer.put("accountId", role.accountId());
    issuer.put("userName", role.name());
    session.putObject("webIdFederationData");
    ObjectNode attributes = session.putObject("attributes");
    attributes.put("creationDate", EVENT_TIME.format(sessionCreated.truncatedTo(ChronoUnit.SECONDS)));
    attributes.put("mfaAuthenticated", Boolean.toString(mfa));
    return identity;
  }

  static ObjectNode root(String accountId) {
    ObjectNode identity = Json.object();
    identity.put("type", "Root");
    identity.put("principalId", accountId);
    identity.put("arn", "arn:aws:iam::" + accountId + ":root");
    identity.put("accountId", accountId);
    identity.put("accessKeyId", "");
    return identity;
  }

  static ObjectNode awsService(String invokedBy) {
    ObjectNode identity = Json.object();
    identity.put("type", "AWSService");
    identity.put("invokedBy", invokedBy);
    return identity;
  }

  static ArrayNode resource(String accountId, String type, String arn) {
    ArrayNode resources = Json.array();
    ObjectNode resource = resources.addObject();
    resource.put("accountId", accountId);
    resource.put("type", type);
    resource.put("ARN", arn);
    return resources;
  }

  /** Builds one record; everything but the identity has a plausible default. */
  static final class Builder {
    private final Instant time;
    private final String eventSource;
    private final String eventName;
    private ObjectNode identity;
    private String region = Population.HOME_REGION;
    private String sourceIp = "AWS Internal";
    private String userAgent = "AWS Internal";
    private String errorCode;
    private String errorMessage;
    private JsonNode requestParameters = NullNode.getInstance();
    private JsonNode responseElements = NullNode.getInstance();
    private ObjectNode additionalEventData;
    private String requestId;
    private boolean hasRequestId = true;
    private boolean readOnly;
    private ArrayNode resources;
    private String eventType = "AwsApiCall";
    private boolean managementEvent = true;
    private String recipientAccountId;
    private String tlsHost;

    private Builder(Instant time, String eventSource, String eventName) {
      this.time = requireNonNull(time, "time is null");
      this.eventSource = requireNonNull(eventSource, "eventSource is null");
      this.eventName = requireNonNull(eventName, "eventName is null");
    }

    Builder identity(ObjectNode identity) {
      this.identity = requireNonNull(identity, "identity is null");
      return this;
    }

    Builder region(String region) {
      this.region = requireNonNull(region, "region is null");
      return this;
    }

    Builder source(String sourceIp, String userAgent) {
      this.sourceIp = requireNonNull(sourceIp, "sourceIp is null");
      this.userAgent = requireNonNull(userAgent, "userAgent is null");
      return this;
    }

    Builder error(String code, String message) {
      this.errorCode = requireNonNull(code, "code is null");
      this.errorMessage = requireNonNull(message, "message is null");
      return this;
    }

    /** An error message with no code, as a failed console sign-in has. */
    Builder errorMessage(String message) {
      this.errorMessage = requireNonNull(message, "message is null");
      return this;
    }

    boolean failed() {
      return errorCode != null || errorMessage != null;
    }

    Builder requestParameters(JsonNode parameters) {
      this.requestParameters = requireNonNull(parameters, "parameters is null");
      return this;
    }

    Builder responseElements(JsonNode elements) {
      this.responseElements = requireNonNull(elements, "elements is null");
      return this;
    }

    Builder additionalEventData(ObjectNode data) {
      this.additionalEventData = requireNonNull(data, "data is null");
      return this;
    }

    Builder requestId(String requestId) {
      this.requestId = requireNonNull(requestId, "requestId is null");
      return this;
    }

    /** Console sign-in events have no request id. */
    Builder noRequestId() {
      this.hasRequestId = false;
      return this;
    }

    Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    Builder resources(ArrayNode resources) {
      this.resources = requireNonNull(resources, "resources is null");
      return this;
    }

    Builder eventType(String eventType) {
      this.eventType = requireNonNull(eventType, "eventType is null");
      return this;
    }

    /** A data event (S3 object or Lambda invoke) rather than a management event. */
    Builder dataEvent() {
      this.managementEvent = false;
      return this;
    }

    Builder recipientAccountId(String accountId) {
      this.recipientAccountId = requireNonNull(accountId, "accountId is null");
      return this;
    }

    /** The host the client sent; without it the record has no tlsDetails (calls made inside AWS). */
    Builder tlsHost(String host) {
      this.tlsHost = requireNonNull(host, "host is null");
      return this;
    }

    ObjectNode build(SplittableRandom random) {
      if (identity == null) {
        throw new IllegalStateException("CloudTrail record " + eventSource + " " + eventName + " has no identity");
      }
      ObjectNode record = Json.object();
      record.put("eventVersion", managementEvent ? "1.09" : "1.10");
      record.set("userIdentity", identity);
      record.put("eventTime", EVENT_TIME.format(time));
      record.put("eventSource", eventSource);
      record.put("eventName", eventName);
      record.put("awsRegion", region);
      record.put("sourceIPAddress", sourceIp);
      record.put("userAgent", userAgent);
      if (errorCode != null) {
        record.put("errorCode", errorCode);
      }
      if (errorMessage != null) {
        record.put("errorMessage", errorMessage);
      }
      record.set("requestParameters", requestParameters);
      record.set("responseElements", failed() && errorCode != null ? NullNode.getInstance() : responseElements);
      if (additionalEventData != null) {
        record.set("additionalEventData", additionalEventData);
      }
      if (hasRequestId) {
        record.put("requestID", requestId != null ? requestId : Ids.uuid(random));
      }
      record.put("eventID", Ids.uuid(random));
      record.put("readOnly", readOnly);
      if (resources != null) {
        record.set("resources", resources);
      }
      record.put("eventType", eventType);
      record.put("managementEvent", managementEvent);
      String account = recipientAccountId != null ? recipientAccountId : identity.path("accountId").asText("");
      record.put("recipientAccountId", account.isEmpty() ? Population.PROD_ACCOUNT : account);
      record.put("eventCategory", managementEvent ? "Management" : "Data");
      if (tlsHost != null) {
        ObjectNode tls = record.putObject("tlsDetails");
        boolean tls13 = random.nextInt(3) > 0;
        tls.put("tlsVersion", tls13 ? "TLSv1.3" : "TLSv1.2");
        tls.put("cipherSuite", tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256");
        tls.put("clientProvidedHostHeader", tlsHost);
      }
      return record;
    }
  }
}
