package dev.tarn.cli;

import dev.tarn.config.ConfigLoader;
import dev.tarn.config.TarnConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every subcommand takes: where the config is, and overrides of any of its keys. */
public final class GlobalOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: ./tarn.yaml if it exists, else built-in defaults)")
  Path config;

  @Option(names = "--lake", paramLabel = "DIR|URI", description = "Lake root (overrides key 'lake', env TARN_LAKE)")
  String lake;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override any config key, e.g. --set ingest.trigger=30s (env: TARN_INGEST_TRIGGER)")
  List<String> overrides = new ArrayList<>();

  public TarnConfig load() {
    List<String> all = new ArrayList<>(overrides);
    if (lake != null) {
      all.add("lake=" + lake);
    }
    return ConfigLoader.load(config, System.getenv(), all);
  }
}
