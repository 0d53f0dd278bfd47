package dev.tarn.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * What normalization needs to know about the file being read: its source and parse time, and how to derive the
 * deterministic {@code p_row_id} (a hash of source id, file path and record position), so that replaying a file
 * yields the same ids and backfills and restarts stay idempotent.
 */
public final class RowContext {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  final UTF8String sourceId;
  final UTF8String sourceLabel;
  final long parseTimeMicros;
  private final MessageDigest prefix;
  private final byte[] position = new byte[16];

  public RowContext(String sourceId, String sourceLabel, String filePath, long parseTimeMicros) {
    this.sourceId = sourceId == null ? null : UTF8String.fromString(sourceId);
    this.sourceLabel = sourceLabel == null ? null : UTF8String.fromString(sourceLabel);
    this.parseTimeMicros = parseTimeMicros;
    try {
      prefix = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by the JDK", e);
    }
    prefix.update(String.valueOf(sourceId).getBytes(StandardCharsets.UTF_8));
    prefix.update((byte) 0);
    prefix.update(filePath.getBytes(StandardCharsets.UTF_8));
    prefix.update((byte) 0);
  }

  /** The row id of the {@code index}-th event (0-based) of the record at {@code recordNumber} (1-based). */
  public UTF8String rowId(long recordNumber, int index) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) prefix.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < 8; i++) {
      position[i] = (byte) (recordNumber >>> (56 - 8 * i));
      position[8 + i] = (byte) ((long) index >>> (56 - 8 * i));
    }
    byte[] hash = digest.digest(position);
    byte[] hex = new byte[32];
    for (int i = 0; i < 16; i++) {
      hex[2 * i] = (byte) HEX[(hash[i] >> 4) & 0xf];
      hex[2 * i + 1] = (byte) HEX[hash[i] & 0xf];
    }
    return UTF8String.fromBytes(hex);
  }

  public long parseTimeMicros() {
    return parseTimeMicros;
  }
}
