package dev.tarn.alerts.service;

import dev.tarn.alerts.auth.CreatedToken;
import dev.tarn.alerts.auth.Role;
import dev.tarn.alerts.delivery.Outbox;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tarn alerts-service} and {@code tarn alerts <command>}: the alerts service's command line. */
@Command(name = "tarn alerts", mixinStandardHelpOptions = true,
    description = "The alerts service: findings → deduplicated alerts → deliveries, with a REST API.",
    subcommands = {AlertsMain.Serve.class, AlertsMain.Requeue.class, AlertsMain.Token.class, AlertsDemo.class})
public final class AlertsMain {
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new AlertsMain());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // User errors (config, database, arguments) come as messages that say what and how to fix; no stack trace.
      cmd.getErr().println("tarn alerts: " + e.getMessage());
      return 2;
    });
    System.exit(cli.execute(args));
  }

  /** Options every command takes: the config file and overrides. */
  static final class ConfigOptions {
    @Option(names = "--config", description = "tarn.yaml to read (default ./tarn.yaml when it exists)")
    Path config;

    @Option(names = "--lake", description = "the lake root (default ./lake, or `lake` in tarn.yaml)")
    String lake;

    @Option(names = "--set", description = "override a key, e.g. --set alerts.port=9000 (repeatable)")
    List<String> overrides = new ArrayList<>();

    AlertsConfig load() {
      List<String> all = new ArrayList<>(overrides);
      if (lake != null) {
        all.add(0, "lake=" + lake);
      }
      return AlertsConfig.load(config, System.getenv(), all);
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Run the service: poll findings, deliver alerts, serve the API (until stopped).")
  static final class Serve implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
      AlertsConfig config = options.load();
      AlertsService service = AlertsService.open(config, System.getenv());
      Optional<String> token = service.bootstrapAdminToken(System.getenv());
      token.ifPresent(t -> System.out.println("Created the first admin API token (shown once; keep it safe):\n  " + t
          + "\nUse it as: curl -H 'Authorization: Bearer <token>' http://" + config.host() + ":" + config.port()
          + "/api/v1/alerts"));
      service.start();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        service.close();
        stopped.countDown();
      }, "tarn-alerts-shutdown"));
      stopped.await();
      return 0;
    }
  }

  @Command(name = "requeue", mixinStandardHelpOptions = true,
      description = "Send dead-lettered deliveries again (all, one destination's, or the given ids).")
  static final class Requeue implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--id", description = "a delivery id (repeatable); default: every dead letter")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--destination", description = "only dead letters of this destination id")
    String destination;

    @Override
    public Integer call() {
      AlertsConfig config = options.load();
      try (Database db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword())) {
        Outbox outbox = new Outbox(db, Clock.system(ZoneOffset.UTC));
        int n = ids.isEmpty() ? outbox.requeueAllDead(destination) : outbox.requeue(ids);
        System.out.printf("Re-queued %d dead-lettered delivery(ies); the running service sends them now.%n", n);
        return 0;
      }
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true, description = "Create an API token.",
      subcommands = Token.Create.class)
  static final class Token {
    @Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API token and print it once (only its hash is stored).")
    static final class Create implements Callable<Integer> {
      @Mixin ConfigOptions options;

      @Option(names = "--name", required = true, description = "who or what the token is for")
      String name;

      @Option(names = "--role", defaultValue = "READ_ONLY", description = "ADMIN, ANALYST or READ_ONLY (default ${DEFAULT-VALUE})")
      String role;

      @Override
      public Integer call() {
        AlertsConfig config = options.load();
        try (Database db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword())) {
          CreatedToken token = new TokenStore(db, Clock.system(ZoneOffset.UTC)).create(name, Role.fromName(role));
          System.out.println(token.text());
          return 0;
        }
      }
    }
  }
}
