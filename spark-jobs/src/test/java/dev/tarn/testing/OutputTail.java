package dev.tarn.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The end of a child process's output file, for failure messages. */
final class OutputTail {
  private OutputTail() {}

  static String of(Path output, int chars) {
    try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
      long start = Math.max(0, file.length() - chars);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + output + ": " + e.getMessage() + ")";
    }
  }
}
