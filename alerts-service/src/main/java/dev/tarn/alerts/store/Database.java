package dev.tarn.alerts.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The alerts service's database: H2 in a file under the lake root by default, PostgreSQL by JDBC URL. Opening it
 * applies the Flyway migrations under {@code db/migration}. Work runs in {@link #inTransaction}; nothing else in the
 * service opens connections.
 */
public final class Database implements AutoCloseable {
  /** A unit of work on one connection, inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  public enum Dialect { H2, POSTGRESQL }

  private final HikariDataSource dataSource;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Opens (and migrates) the database at {@code url}; {@code user}/{@code password} may be null for H2. */
  public static Database open(String url, String user, String password) {
    requireNonNull(url, "url is null");
    Dialect dialect;
    if (url.startsWith("jdbc:h2:")) {
      dialect = Dialect.H2;
    } else if (url.startsWith("jdbc:postgresql:")) {
      dialect = Dialect.POSTGRESQL;
    } else {
      throw new IllegalArgumentException("Unsupported alerts database URL: " + redact(url)
          + " (expected jdbc:h2:... or jdbc:postgresql://host:port/db)");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setPoolName("tarn-alerts");
    config.setInitializationFailTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot connect to the alerts database at " + redact(url) + ": "
          + rootMessage(e) + (dialect == Dialect.POSTGRESQL
          ? " (is PostgreSQL running, and do the user and password match? Set alerts.database.url/user/password)"
          : ""), e);
    }
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new IllegalStateException("Cannot migrate the alerts database at " + redact(url) + ": " + rootMessage(e), e);
    }
    return new Database(ds, dialect);
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("Alerts database error: " + e.getMessage(), e);
    }
  }

  public static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A JDBC URL without its password parameters, fit for messages and logs. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
