package dev.tarn.alerts.delivery.webhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Tarn-Signature} header value: {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact body
 * bytes, keyed with the UTF-8 bytes of the destination's {@code hmacSecret}. See the package documentation for how a
 * receiver checks it.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Tarn-Signature";
  public static final String PREFIX = "sha256=";

  private final SecretKeySpec key;

  public WebhookSignature(String secret) {
    requireNonNull(secret, "secret is null");
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is in every JDK; an empty key is refused by validation.
      throw new IllegalStateException("Cannot compute HMAC-SHA256: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Constant-time check of a received header value, as a receiver written in Java would do it. */
  public boolean verify(byte[] body, String headerValue) {
    if (headerValue == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
        headerValue.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
