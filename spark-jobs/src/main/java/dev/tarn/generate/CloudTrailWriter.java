package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * AWS.CloudTrail, as JSON lines (one record per line) or, with {@code records}, as the gzip objects CloudTrail
 * delivers to S3: {@code {"Records":[...]}} named {@code <account>_CloudTrail_<region>_<yyyyMMdd>T<HHmm>Z_<id>.json.gz}.
 */
final class CloudTrailWriter implements LogWriter {
  private static final DateTimeFormatter OBJECT_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final byte[] RECORDS_START = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RECORDS_END = "]}\n".getBytes(StandardCharsets.UTF_8);

  private final SplittableRandom random;
  private final SplittableRandom names;
  private final boolean records;
  private final boolean gzip;

  /** With {@code records}, files are always gzip-compressed, as CloudTrail's are. */
  CloudTrailWriter(SplittableRandom random, SplittableRandom names, boolean records, boolean gzip) {
    this.random = requireNonNull(random, "random is null");
    this.names = requireNonNull(names, "names is null");
    this.records = records;
    this.gzip = gzip || records;
  }

  @Override
  public LogType type() {
    return LogType.CLOUDTRAIL;
  }

  @Override
  public LogEvent background(Instant time) {
    ObjectNode record = random.nextInt(1000) < 12 ? consoleLogin(time) : apiCall(time);
    return new LogEvent(time, Json.bytes(record));
  }

  private ObjectNode consoleLogin(Instant time) {
    if (random.nextInt(4) == 0) {
      Population.IamUser user = random.nextBoolean() ? Population.BOB_IAM : Population.CAROL_IAM;
      return CloudTrailRecord.consoleLogin(time, CloudTrailRecord.iamUserSigningIn(user),
          user.owner().network().ip(), user.owner().browser().rawUserAgent(), true, true).build(random);
    }
    Population.Person person = Population.PEOPLE.get(random.nextInt(Population.PEOPLE.size()));
    CloudTrailActors.Actor actor = CloudTrailActors.sso(person, random, time, true);
    return CloudTrailRecord.consoleLogin(time, actor.identity(), actor.sourceIp(), person.browser().rawUserAgent(),
        true, false).build(random);
  }

  private ObjectNode apiCall(Instant time) {
    CloudTrailCatalog.ApiCall call = CloudTrailCatalog.CALLS.pick(random);
    CloudTrailActors.Actor actor = CloudTrailActors.pick(random, time, call.serviceCallable());
    String region = call.inHomeRegion() ? Population.HOME_REGION : Population.REGIONS.pick(random);
    CloudTrailRecord.Builder builder = CloudTrailRecord.builder(time, call.eventSource(), call.eventName())
        .identity(actor.identity())
        .region(region)
        .source(actor.sourceIp(), actor.userAgent())
        .readOnly(call.readOnly())
        .recipientAccountId(actor.accountId());
    if (!actor.service()) {
      builder.tlsHost(call.host(region));
    }
    call.shape().fill(builder, new CloudTrailCatalog.Call(region, actor.accountId(), time), random);
    if (!actor.service()) {
      int roll = random.nextInt(1000);
      if (roll < 25) {
        denied(builder, call, actor);
      } else if (roll < 30) {
        throttled(builder, call);
      }
    }
    return builder.build(random);
  }

  private static void denied(CloudTrailRecord.Builder builder, CloudTrailCatalog.ApiCall call,
      CloudTrailActors.Actor actor) {
    String service = call.eventSource().substring(0, call.eventSource().indexOf('.'));
    String action = service + ":" + call.eventName().replaceAll("\\d{8}(v\\d)?$", "");
    String who = "User: " + actor.identity().path("arn").asText() + " is not authorized to perform: " + action
        + " because no identity-based policy allows the " + action + " action";
    switch (service) {
      case "s3" -> builder.error("AccessDenied", "Access Denied");
      case "ec2" -> builder.error("Client.UnauthorizedOperation", "You are not authorized to perform this "
          + "operation. " + who);
      default -> builder.error("AccessDenied", who);
    }
  }

  private static void throttled(CloudTrailRecord.Builder builder, CloudTrailCatalog.ApiCall call) {
    if (call.eventSource().startsWith("ec2.")) {
      builder.error("Client.RequestLimitExceeded", "Request limit exceeded.");
    } else {
      builder.error("ThrottlingException", "Rate exceeded");
    }
  }

  @Override
  public String fileName(int index, Instant firstEvent) {
    if (records) {
      return Population.PROD_ACCOUNT + "_CloudTrail_" + Population.HOME_REGION + "_" + OBJECT_TIME.format(firstEvent)
          + "_" + Ids.alnum(names, 16) + ".json.gz";
    }
    return LogWriter.jsonLinesFileName("cloudtrail", index, firstEvent, gzip);
  }

  @Override
  public boolean gzip() {
    return gzip;
  }

  @Override
  public int typicalEventBytes() {
    return 1300;
  }

  @Override
  public void beginFile(OutputStream out) throws IOException {
    if (records) {
      out.write(RECORDS_START);
    }
  }

  @Override
  public void writeEvent(OutputStream out, LogEvent event, long indexInFile) throws IOException {
    if (!records) {
      LogWriter.super.writeEvent(out, event, indexInFile);
      return;
    }
    if (indexInFile > 0) {
      out.write(',');
    }
    out.write(event.payload());
  }

  @Override
  public void endFile(OutputStream out) throws IOException {
    if (records) {
      out.write(RECORDS_END);
    }
  }
}
