package dev.tarn.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PythonModulesTest {

  @Test
  void theIndexListsEveryPythonResource() throws IOException, URISyntaxException {
    Path root = Path.of(PythonModules.class.getClassLoader().getResource("python/index.txt").toURI()).getParent();
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".py")).map(p -> root.relativize(p).toString()).sorted()
          .toList();
    }
    assertThat(PythonModules.read("index.txt").lines().filter(l -> !l.isBlank()).sorted().toList())
        .isEqualTo(files);
  }

  @Test
  void packagesAreNamedWithoutTheirInitFile() {
    assertThat(PythonModules.modules()).anySatisfy(module -> {
      assertThat(module.name()).isEqualTo("panther_core");
      assertThat(module.isPackage()).isTrue();
    });
  }
}
