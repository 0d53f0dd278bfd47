package dev.tarn.alerts.secrets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts destination secrets at rest: AES-256-GCM, a random 12-byte nonce per value, sealed text
 * {@code v1:<base64(nonce || ciphertext+tag)>}. The key comes from {@code TARN_ALERTS_SECRET_KEY} (32 bytes, base64);
 * without it, a key file under the lake root is created once with owner-only permissions.
 */
public final class SecretBox {
  public static final String ENV_KEY = "TARN_ALERTS_SECRET_KEY";
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SecretBox(byte[] key) {
    requireNonNull(key, "key is null");
    if (key.length != 32) {
      throw new IllegalArgumentException("Invalid alerts secret key: " + key.length
          + " bytes (must be 32 bytes, base64-encoded; generate one with `openssl rand -base64 32`)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** The key from {@code TARN_ALERTS_SECRET_KEY}, else from {@code keyFile} (created if absent). */
  public static SecretBox fromEnvironment(String envValue, Path keyFile) {
    if (envValue != null && !envValue.isBlank()) {
      return new SecretBox(decodeKey(envValue.trim(), ENV_KEY));
    }
    try {
      if (!Files.exists(keyFile)) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system; the file keeps the directory's permissions
        }
      }
      return new SecretBox(decodeKey(Files.readString(keyFile, StandardCharsets.US_ASCII).trim(), keyFile.toString()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the alerts secret key file " + keyFile + ": "
          + e.getMessage() + " (or set " + ENV_KEY + ")", e);
    }
  }

  private static byte[] decodeKey(String base64, String where) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid alerts secret key in " + where + ": not base64 (expected 32 bytes, "
          + "base64-encoded; generate one with `openssl rand -base64 32`)", e);
    }
  }

  public String seal(String plaintext) {
    requireNonNull(plaintext, "plaintext is null");
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a destination secret: " + e.getClass().getSimpleName(), e);
    }
  }

  public String open(String sealedText) {
    requireNonNull(sealedText, "sealedText is null");
    if (!sealedText.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a sealed secret (expected the v1: prefix)");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Never echo the value; say what is likely wrong.
      throw new IllegalStateException("Cannot decrypt a destination secret: wrong " + ENV_KEY
          + " or a corrupted value (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** True for names of settings that hold secrets and must never be shown. */
  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return Set.of("webhookurl", "integrationkey", "apikey", "token", "personalaccesstoken", "hmacsecret", "secret",
        "password").contains(n) || n.endsWith("token") || n.endsWith("key") || n.endsWith("secret");
  }
}
