package dev.tarn.detect.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvConfigTest {

  @TempDir Path dir;

  @Test
  void kindsParseCaseInsensitively() {
    assertThat(KvConfig.Kind.parse("DynamoDB")).isEqualTo(KvConfig.Kind.DYNAMODB);
    assertThat(KvConfig.Kind.parse(" embedded ")).isEqualTo(KvConfig.Kind.EMBEDDED);
  }

  @Test
  void unknownKindsListTheValidOnes() {
    assertThatThrownBy(() -> KvConfig.Kind.parse("redis"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'redis'")
        .hasMessageContaining("embedded")
        .hasMessageContaining("dynamodb");
  }

  @Test
  void theEmbeddedStoreNeedsAPath() {
    assertThatThrownBy(() -> new KvConfig(KvConfig.Kind.EMBEDDED, null, null, null, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path");
  }

  @Test
  void theTableDefaultsToPanthers() {
    assertThat(KvConfig.dynamoDb("us-east-1").table()).isEqualTo("panther-kv-store");
  }

  @Test
  void invalidTableNamesAreRejected() {
    assertThatThrownBy(() -> KvConfig.dynamoDb("us-east-1").withTable("kv store"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'kv store'");
  }

  @Test
  void configsSurviveJavaSerialization() throws Exception {
    KvConfig config = KvConfig.dynamoDb("eu-west-1").withEndpoint("http://127.0.0.1:8000");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(config);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(config);
    }
  }

  @Test
  void theFactoryOpensTheEmbeddedStore() {
    Path file = KvConfig.defaultPath(dir);
    try (KvStore store = KvStores.open(KvConfig.embedded(file))) {
      assertThat(store).isInstanceOf(EmbeddedKvStore.class);
      assertThat(((EmbeddedKvStore) store).file()).isEqualTo(file.toAbsolutePath());
    }
  }
}
