package dev.tarn.cli;

import dev.tarn.config.ConfigException;
import dev.tarn.generate.GenerateCommand;
import dev.tarn.logschema.LogSchemaException;
import dev.tarn.logtypes.LogTypeStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tarn} command line. */
@Command(name = "tarn", mixinStandardHelpOptions = true, version = "tarn 0.1.0",
    description = "Tarn: a security data lake on Spark and Delta Lake, compatible with Panther.",
    subcommands = {
        AirflowCommand.class,
        DemoCommand.class,
        DetectCommand.class,
        ScheduledCommand.class,
        TestCommand.class,
        GenerateCommand.class,
        GlueSyncCommand.class,
        IngestCommand.class,
        MaintainCommand.class,
        BackfillCommand.class,
        RequeueCommand.class,
        LogTypesCommand.class,
        SearchCommand.class,
        NotebookCommand.class,
        QualityCommand.class,
        StatusCommand.class,
        HealthCommand.class,
        SqlCommand.class,
        ViewsCommand.class,
        CommandLine.HelpCommand.class})
public final class TarnCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  private static boolean metastoreLocked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Another instance of Derby may have already booted")) {
        return true;
      }
    }
    return false;
  }

  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new TarnCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // Errors the user can fix are printed as such, without a stack trace.
      if (e instanceof ConfigException || e instanceof LogSchemaException || e instanceof UserException
          || e instanceof LogTypeStoreException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return 2;
      }
      if (metastoreLocked(e)) {
        commandLine.getErr().println("error: the lake's embedded metastore is in use by another tarn process "
            + "(Derby allows one at a time). Stop the other process, or use a shared metastore "
            + "(--conf spark.hadoop.javax.jdo.option.ConnectionURL=... under spark-submit).");
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
