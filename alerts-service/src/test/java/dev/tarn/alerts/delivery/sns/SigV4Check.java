package dev.tarn.alerts.delivery.sns;

import dev.tarn.alerts.delivery.RecordingServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes an AWS Signature Version 4 from a request as the server received it, following AWS's published
 * algorithm, so the test shows that what went over the wire is what was signed (independently of the SDK signer).
 * Covers what SNS's query protocol uses: path "/", no query string.
 */
final class SigV4Check {
  private static final Pattern AUTH = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), "
          + "Signature=([0-9a-f]{64})");

  private SigV4Check() {}

  /** The parsed Authorization header. */
  record Authorization(String accessKey, String date, String region, String service, String signedHeaders,
      String signature) {}

  static Authorization parse(String header) {
    Matcher m = AUTH.matcher(header);
    if (!m.matches()) {
      throw new AssertionError("not a SigV4 Authorization header: " + header);
    }
    return new Authorization(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
  }

  /** The signature the request should carry, given the secret key. */
  static String expectedSignature(RecordingServer.Request request, String secretKey) throws Exception {
    Authorization auth = parse(request.header("Authorization"));
    String canonicalHeaders = Arrays.stream(auth.signedHeaders().split(";"))
        .map(name -> name + ":" + request.header(name).strip().replaceAll("\\s+", " ") + "\n")
        .collect(Collectors.joining());
    String canonicalRequest = request.method() + "\n" + request.path() + "\n"
        + (request.query() == null ? "" : request.query()) + "\n" + canonicalHeaders + "\n" + auth.signedHeaders()
        + "\n" + hex(sha256(request.body()));
    String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
    String stringToSign = "AWS4-HMAC-SHA256\n" + request.header("X-Amz-Date") + "\n" + scope + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), auth.date());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign));
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
  }
}
