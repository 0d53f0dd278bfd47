package dev.tarn.alerts.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text of API tokens: {@code tarn_} + 32 random bytes in unpadded base64url. Only the SHA-256 of a token is
 * stored, so a stolen database does not hand out working tokens; lookup by hash also makes comparison timing moot.
 */
public final class TokenSecret {
  public static final String PREFIX = "tarn_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecret() {}

  /** A new random token text. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of {@code token}'s UTF-8 bytes, as kept in {@code api_tokens.token_hash}. */
  public static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
