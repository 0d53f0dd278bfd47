package dev.tarn.logtypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.config.SourceConfig;
import dev.tarn.logtypes.LogTypeStoreException.Code;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTypeStoreTest {
  static final String V1 = """
      schema: Custom.App
      fields:
        - name: time
          type: timestamp
          timeFormat: rfc3339
          isEventTime: true
        - name: user
          type: string
          indicators: [username]
        - name: detail
          type: object
          fields:
            - name: code
              type: int
      """;
  static final String V2 = V1 + """
        - name: ip
          type: string
          indicators: [ip]
      """;

  @TempDir
  Path lake;
  LogTypeStore store;

  @BeforeEach
  void open() {
    store = new LogTypeStore(lake.toString(), new Configuration());
  }

  @Test
  void addsACustomTypeAsRevisionOne() {
    LogTypeStore.Revision r = store.add(V1, "app.yml");
    assertThat(r.revision()).isEqualTo(1);
    assertThat(store.list()).extracting(LogTypeStore.Revision::name).containsExactly("Custom.App");
    assertThat(store.registry().find("Custom.App")).isPresent();
    assertThat(store.registry().find("AWS.CloudTrail")).isPresent();
  }

  @Test
  void refusesANameOutsideTheCustomNamespace() {
    assertThatThrownBy(() -> store.add(V1.replace("Custom.App", "MyApp"), "app.yml"))
        .isInstanceOf(LogTypeStoreException.class).hasMessageContaining("named Custom.<Name>");
  }

  @Test
  void refusesAnInvalidSchemaPointingAtTheLine() {
    assertThatThrownBy(() -> store.add(V1.replace("type: int", "type: integer"), "app.yml"))
        .isInstanceOf(LogTypeStoreException.class)
        .hasMessageContaining("app.yml, line")
        .hasMessageContaining("unknown type 'integer'");
  }

  @Test
  void acceptsAnUpdateThatAddsFields() {
    store.add(V1, "app.yml");
    assertThat(store.update(V2, "app.yml", 1).revision()).isEqualTo(2);
    assertThat(store.get("Custom.App").orElseThrow().schema().fields()).hasSize(4);
  }

  @Test
  void refusesAnUpdateThatRemovesOrRetypesAField() {
    store.add(V1, "app.yml");
    assertThatThrownBy(() -> store.update(V1.replace("  - name: user\n", "  - name: username\n"), "app.yml", 1))
        .satisfies(e -> assertThat(((LogTypeStoreException) e).code()).isEqualTo(Code.INVALID_UPDATE))
        .hasMessageContaining("field user was removed");
    assertThatThrownBy(() -> store.update(V1.replace("type: int", "type: string"), "app.yml", 1))
        .hasMessageContaining("field detail.code changed type from int to string");
  }

  @Test
  void refusesAnUpdateQuotingAStaleRevision() {
    store.add(V1, "app.yml");
    store.update(V2, "app.yml", 1);
    assertThatThrownBy(() -> store.update(V2, "app.yml", 1))
        .satisfies(e -> assertThat(((LogTypeStoreException) e).code()).isEqualTo(Code.REVISION_CONFLICT))
        .hasMessageContaining("is at revision 2, not 1");
  }

  @Test
  void keepsEveryRevision() {
    store.add(V1, "app.yml");
    store.update(V2, "app.yml", 1);
    assertThat(lake.resolve("_logtypes/Custom.App/000001.yml")).exists();
    assertThat(lake.resolve("_logtypes/Custom.App/000002.yml")).exists();
  }

  @Test
  void refusesToDeleteATypeASourceUses() {
    store.add(V1, "app.yml");
    SourceConfig source = new SourceConfig("app-logs", null, "/data", List.of("Custom.App"), Map.of());
    assertThatThrownBy(() -> store.delete("Custom.App", List.of(source)))
        .satisfies(e -> assertThat(((LogTypeStoreException) e).code()).isEqualTo(Code.IN_USE))
        .hasMessageContaining("app-logs");
    store.delete("Custom.App", List.of());
    assertThat(store.get("Custom.App")).isEmpty();
    assertThat(store.list()).isEmpty();
  }
}
