package dev.tarn.detect.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One spec YAML file being loaded: its bytes (for the content hash), its top-level mapping and the pack settings that
 * apply to its directory.
 *
 * @param runtime the {@code PythonRuntime} of the nearest {@code .tarn-pack.yml}, or null
 */
record SpecFile(Path file, byte[] bytes, SpecMap root, String runtime) {

  /** A Python file named by {@code Filename}, relative to the YAML's directory. */
  record PythonFile(Path path, byte[] bytes, String text) {}

  PythonFile python(SpecMap spec, String key) {
    String name = spec.string(key);
    Path dir = file.toAbsolutePath().getParent();
    Path path = dir.resolve(name).normalize();
    if (!Files.isRegularFile(path)) {
      throw spec.error(key, spec.name(key) + " '" + name + "' not found: expected the file " + path
          + " (Filename is relative to the directory of this YAML file); fix the name or add the file");
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      return new PythonFile(path, bytes, utf8(bytes));
    } catch (CharacterCodingException e) {
      throw spec.error(key, path + " is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw spec.error(key, "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** The detection's {@code p_rule_version}: the first 16 hex digits of SHA-256(YAML bytes, Python bytes). */
  String version(PythonFile python) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes);
      if (python != null) {
        sha.update(python.bytes());
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
