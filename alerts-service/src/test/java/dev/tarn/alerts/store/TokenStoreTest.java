package dev.tarn.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.alerts.auth.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void firstStartCreatesARandomAdminTokenAndReturnsItOnce(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      TokenStore tokens = new TokenStore(db, CLOCK);

      String text = tokens.bootstrap(null).orElseThrow();

      assertThat(text).startsWith("tarn_");
      assertThat(tokens.authenticate(text)).hasValueSatisfying(t -> {
        assertThat(t.name()).isEqualTo("admin");
        assertThat(t.role()).isEqualTo(Role.ADMIN);
      });
      assertThat(tokens.bootstrap(null)).isEmpty();
      assertThat(tokens.list()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void firstStartTakesTheAdminTokenFromTheEnvironmentWithoutReturningIt(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      TokenStore tokens = new TokenStore(db, CLOCK);
      String env = "operator-chosen-token-0123456789";

      assertThat(tokens.bootstrap(" " + env + "\n")).isEmpty();

      assertThat(tokens.authenticate(env)).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(Role.ADMIN));
      assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("admin"));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void bootstrapDoesNothingOnceAnyTokenExistsEvenARevokedOne(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      TokenStore tokens = new TokenStore(db, CLOCK);
      tokens.create("first", Role.ADMIN);
      String other = tokens.create("reader", Role.READ_ONLY).token().id();
      tokens.revoke(other);

      assertThat(tokens.bootstrap("operator-chosen-token-0123456789")).isEmpty();

      assertThat(tokens.authenticate("operator-chosen-token-0123456789")).isEmpty();
      assertThat(tokens.list()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void refusesATooShortTokenFromTheEnvironment(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      TokenStore tokens = new TokenStore(db, CLOCK);

      assertThatThrownBy(() -> tokens.bootstrap("hunter2"))
          .hasMessageContaining(TokenStore.ADMIN_TOKEN_ENV).hasMessageContaining("too short")
          .hasMessageNotContaining("hunter2");
      assertThat(tokens.list()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void authenticationRecordsWhenATokenWasLastUsed(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      TokenStore tokens = new TokenStore(db, CLOCK);
      var created = tokens.create("bot", Role.ANALYST);
      assertThat(created.token().lastUsedAt()).isNull();

      tokens.authenticate(created.text());

      assertThat(tokens.get(created.token().id())).hasValueSatisfying(
          t -> assertThat(t.lastUsedAt()).isEqualTo(CLOCK.instant()));
      assertThat(created.toString()).doesNotContain(created.text());
    }
  }
}
