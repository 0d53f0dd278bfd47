package dev.tarn.generate;

import java.util.Base64;
import java.util.SplittableRandom;

/** Random identifiers in the shapes real logs use (UUIDs, AWS key ids, request ids), drawn from a seeded source. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private Ids() {}

  /** A version-4 UUID in its canonical lower-case form. */
  static String uuid(SplittableRandom random) {
    String hex = hex(random, 32);
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + '-'
        + HEX[8 + random.nextInt(4)] + hex.substring(17, 20) + '-' + hex.substring(20);
  }

  static String hex(SplittableRandom random, int length) {
    return draw(random, HEX, length);
  }

  static String upperHex(SplittableRandom random, int length) {
    return draw(random, UPPER_HEX, length);
  }

  /** Letters and digits, both cases. */
  static String alnum(SplittableRandom random, int length) {
    return draw(random, ALNUM, length);
  }

  /** Upper-case letters and the digits 2-7: the alphabet of AWS access key and principal ids. */
  static String awsId(SplittableRandom random, int length) {
    return draw(random, UPPER_ALNUM, length);
  }

  /** Base64url characters, as in GitHub's {@code _document_id}. */
  static String urlSafe(SplittableRandom random, int length) {
    return draw(random, URL_SAFE, length);
  }

  /** A base64 string of {@code bytes} random bytes, as in S3's host ids. */
  static String base64(SplittableRandom random, int bytes) {
    byte[] raw = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      raw[i] = (byte) random.nextInt(256);
    }
    return Base64.getEncoder().encodeToString(raw);
  }

  private static String draw(SplittableRandom random, char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
