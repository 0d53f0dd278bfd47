package dev.tarn.detect.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tarn's own Python modules ({@code panther_core}, {@code panther_detection_helpers}, the boto3 stand-ins, the driver),
 * read once from the classpath under {@code python/} and handed to each interpreter as source text: interpreters need
 * no file system access to import them. {@code python/index.txt} lists the files.
 */
final class PythonModules {

  /** One module: its dotted name, whether it is a package ({@code __init__.py}), its file name and source. */
  record Module(String name, boolean isPackage, String filename, String source) {}

  static final String BOOTSTRAP = "_tarn_importer.py";
  private static final String ROOT = "python/";
  private static final List<Module> MODULES = load();

  private PythonModules() {}

  /** Every module except the bootstrap importer, which runs first as a script. */
  static List<Module> modules() {
    return MODULES;
  }

  static String bootstrapSource() {
    return read(BOOTSTRAP);
  }

  static String displayName(String relativePath) {
    return "<tarn>/" + relativePath;
  }

  private static List<Module> load() {
    List<Module> modules = new ArrayList<>();
    for (String line : read("index.txt").split("\n")) {
      String path = line.trim();
      if (path.isEmpty() || path.equals(BOOTSTRAP)) {
        continue;
      }
      String name = path.substring(0, path.length() - ".py".length()).replace('/', '.');
      boolean isPackage = name.endsWith(".__init__");
      if (isPackage) {
        name = name.substring(0, name.length() - ".__init__".length());
      }
      modules.add(new Module(name, isPackage, displayName(path), read(path)));
    }
    return List.copyOf(modules);
  }

  static String read(String relativePath) {
    String resource = ROOT + relativePath;
    try (InputStream in = PythonModules.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource + " (listed in python/index.txt)");
      }
      StringBuilder text = new StringBuilder();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0; ) {
          text.append(buffer, 0, n);
        }
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
