package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run Spark SQL against the lake and print the result (table, csv or json)")
public final class SqlCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The SQL statement to run")
  String query;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of a .sql file (separated by ';')")
  Path file;

  @Option(names = "--format", description = "table (default), csv or json")
  String format = "table";

  @Option(names = "--limit", description = "Print at most this many rows (default 1000)")
  int limit = 1000;

  @Override
  public Integer call() throws IOException {
    List<String> statements = statements();
    ResultPrinter.Format out = switch (format) {
      case "table" -> ResultPrinter.Format.TABLE;
      case "csv" -> ResultPrinter.Format.CSV;
      case "json" -> ResultPrinter.Format.JSON;
      default -> throw new UserException("invalid --format '" + format + "' (expected table, csv or json)");
    };
    TarnConfig config = global.load();
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-sql");
    try {
      for (String statement : statements) {
        Dataset<Row> result;
        try {
          result = spark.sql(statement);
        } catch (Exception e) {
          if (e instanceof AnalysisException || e.getClass().getName().contains("ParseException")) {
            throw new UserException(e.getMessage());
          }
          throw e;
        }
        ResultPrinter.print(result, out, limit, System.out);
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  private List<String> statements() throws IOException {
    if ((query == null) == (file == null)) {
      throw new UserException("give either a QUERY or -f FILE");
    }
    if (query != null) {
      return List.of(query);
    }
    if (!Files.exists(file)) {
      throw new UserException("SQL file " + file + " does not exist");
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : Files.readString(file).toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        addStatement(statements, current);
      } else {
        current.append(c);
      }
    }
    addStatement(statements, current);
    return statements;
  }

  private static void addStatement(List<String> statements, StringBuilder current) {
    String statement = current.toString().lines().filter(l -> !l.strip().startsWith("--"))
        .reduce("", (a, b) -> a + "\n" + b).strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }
}
