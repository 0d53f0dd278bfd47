package dev.tarn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.config.TarnConfig;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.infer.SchemaInference;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.logtypes.LogTypeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tarn logtypes}: the log types Tarn knows, and the user-defined ones kept in the lake. No Spark needed. */
@Command(name = "logtypes", mixinStandardHelpOptions = true,
    description = "List, show, add, update, delete, test and infer log types (user-defined: Custom.<Name>)",
    subcommands = {
        LogTypesCommand.ListTypes.class,
        LogTypesCommand.Show.class,
        LogTypesCommand.Add.class,
        LogTypesCommand.Update.class,
        LogTypesCommand.Delete.class,
        LogTypesCommand.Test.class,
        LogTypesCommand.Infer.class})
public final class LogTypesCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  private static LogTypeStore store(TarnConfig config) {
    return new LogTypeStore(config.lakeUri(), new Configuration());
  }

  private static String read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new UserException("file " + file + " does not exist");
    }
    return Files.readString(file);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every log type (built-in and custom)")
  static final class ListTypes implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
      LogTypeStore store = store(global.load());
      for (LogSchema schema : LogTypeRegistry.builtin().all().stream()
          .sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
        System.out.printf("%-36s built-in   panther_logs.%s%n", schema.name(), schema.tableName());
      }
      for (LogTypeStore.Revision r : store.list()) {
        System.out.printf("%-36s custom r%-3d panther_logs.%s%n", r.name(), r.revision(), r.schema().tableName());
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a custom log type's current schema")
  static final class Show implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      LogTypeStore.Revision r = store(global.load()).get(name)
          .orElseThrow(() -> new UserException(name + " is not a custom log type (see tarn logtypes list)"));
      System.out.println("# " + r.name() + ", revision " + r.revision());
      System.out.print(r.yaml());
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a custom log type from a schema file")
  static final class Add implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "FILE.yml")
    Path file;

    @Override
    public Integer call() throws IOException {
      LogTypeStore.Revision r = store(global.load()).add(read(file), file.toString());
      System.out.println("added " + r.name() + " (revision " + r.revision() + "), table panther_logs."
          + r.schema().tableName());
      return 0;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Update a custom log type: fields may be added, not removed or re-typed")
  static final class Update implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "FILE.yml")
    Path file;

    @Option(names = "--revision", required = true, description = "The revision you are changing (see logtypes show)")
    int revision;

    @Override
    public Integer call() throws IOException {
      LogTypeStore.Revision r = store(global.load()).update(read(file), file.toString(), revision);
      System.out.println("updated " + r.name() + " to revision " + r.revision());
      return 0;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a custom log type (refused while a source uses it)")
  static final class Delete implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      TarnConfig config = global.load();
      store(config).delete(name, config.sources());
      System.out.println("deleted " + name + " (its table and rows are kept)");
      return 0;
    }
  }

  @Command(name = "infer", mixinStandardHelpOptions = true,
      description = "Propose a schema from sample JSON lines, ready to edit and add")
  static final class Infer implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SAMPLES.jsonl")
    Path samples;

    @Option(names = "--name", description = "The log type name (default Custom.Inferred)")
    String name = "Custom.Inferred";

    @Override
    public Integer call() throws IOException {
      read(samples);
      try {
        System.out.print(SchemaInference.inferYaml(name, Files.readAllLines(samples)));
      } catch (IllegalArgumentException e) {
        throw new UserException(samples + ": " + e.getMessage());
      }
      return 0;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Show, per sample line, the normalized row or why the schema rejects it")
  static final class Test implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.yml")
    Path schemaFile;

    @Parameters(index = "1..*", paramLabel = "SAMPLES", arity = "1..*")
    List<Path> samples;

    @Override
    public Integer call() throws IOException {
      LogType type = new LogType(dev.tarn.logschema.LogSchemaReader.read(read(schemaFile), schemaFile.toString()));
      ObjectMapper json = new ObjectMapper();
      int rejected = 0;
      for (Path sample : samples) {
        Classifier classifier = new Classifier(List.of(type));
        RowContext ctx = new RowContext("test", "test", sample.toString(), System.currentTimeMillis() * 1000);
        long number = 0;
        for (String line : Files.readAllLines(sample)) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          classifier.classify(line.strip(), number, ctx);
          if (!classifier.accepted()) {
            rejected++;
            System.out.printf("%s:%d REJECTED %s%n", sample, number, classifier.rejection());
            continue;
          }
          for (var row : classifier.rows()) {
            System.out.printf("%s:%d %s%n", sample, number, json.writeValueAsString(type.toJson(row)));
          }
        }
      }
      return rejected == 0 ? 0 : 1;
    }
  }
}
