package dev.tarn.detect.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The detection directories as one zip, so the driver's view of the pack travels to executors (broadcast) and a
 * cluster never needs the directories on a shared file system. Directory {@code i} is stored under {@code i/}.
 *
 * @param fingerprint SHA-256 of the content: the same pack gives the same fingerprint, which keys runtime caches
 */
public record PackArchive(byte[] zip, String fingerprint) implements Serializable {

  public static PackArchive of(List<Path> dirs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < dirs.size(); i++) {
        Path dir = dirs.get(i);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          ZipEntry entry = new ZipEntry(i + "/" + dir.relativize(file).toString().replace('\\', '/'));
          entry.setTime(0);
          zip.putNextEntry(entry);
          Files.copy(file, zip);
          zip.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read detection directories " + dirs, e);
    }
    byte[] content = bytes.toByteArray();
    return new PackArchive(content, sha256(content));
  }

  /** Unpacks into {@code <parent>/<fingerprint>/} (once) and returns the directories in their original order. */
  public List<Path> extract(Path parent) {
    Path root = parent.resolve(fingerprint);
    Path done = root.resolve(".complete");
    try {
      if (!Files.exists(done)) {
        Path staging = Files.createTempDirectory(parent, fingerprint + "-");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
          for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
            Path target = staging.resolve(e.getName()).normalize();
            if (!target.startsWith(staging)) {
              throw new IOException("Entry outside the archive: " + e.getName());
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
          }
        }
        Files.writeString(staging.resolve(".complete"), fingerprint);
        try {
          Files.move(staging, root);
        } catch (IOException raced) {
          if (!Files.exists(done)) {
            throw raced;
          }
        }
      }
      List<Path> dirs = new ArrayList<>();
      try (Stream<Path> list = Files.list(root)) {
        list.filter(Files::isDirectory).sorted((a, b) -> Integer.compare(
            Integer.parseInt(a.getFileName().toString()), Integer.parseInt(b.getFileName().toString())))
            .forEach(dirs::add);
      }
      return dirs;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the detection pack into " + root, e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
