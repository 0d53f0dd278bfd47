package dev.tarn.logschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogSchemaReaderTest {

  @Test
  void readsFieldsDefinitionsAndParser() {
    LogSchema schema = LogSchemaReader.read("""
        schema: Custom.App
        version: 0
        parser:
          csv:
            delimiter: ','
            columns: [time, user]
        definitions:
          Geo:
            type: object
            fields:
              - name: country
                type: string
        fields:
          - name: time
            type: timestamp
            timeFormat: unix_ms
            isEventTime: true
          - name: user
            type: string
            required: true
            indicators: [username]
          - name: geo
            type: ref
            target: Geo
        """, "app.yml");
    assertThat(schema.name()).isEqualTo("Custom.App");
    assertThat(schema.tableName()).isEqualTo("custom_app");
    assertThat(schema.parser()).isInstanceOf(ParserSpec.Csv.class);
    assertThat(schema.fields()).extracting(FieldSchema::name).containsExactly("time", "user", "geo");
    assertThat(schema.fields().get(0).value().eventTime()).isTrue();
    assertThat(schema.fields().get(1).value().indicators()).containsExactly("username");
    assertThat(schema.definitions()).containsKey("Geo");
  }

  @Test
  void readsYamlAsVersion1Point2() {
    // Under YAML 1.1 an unquoted 'on' would be a boolean; Panther's tooling reads 1.2, where it is a string.
    LogSchema schema = LogSchemaReader.read("""
        schema: Custom.Flags
        fields:
          - name: state
            type: string
            validate:
              allow: [on, off]
        """, "flags.yml");
    assertThat(schema.fields().get(0).value().allow()).containsExactly("on", "off");
  }

  @Test
  void anUnknownKeyIsReportedWithItsFileAndLine() {
    assertThatThrownBy(() -> LogSchemaReader.read("""
        schema: Custom.App
        fields:
          - name: a
            type: string
            indicator: [ip]
        """, "app.yml"))
        .isInstanceOf(LogSchemaException.class)
        .hasMessageContaining("app.yml, line 5")
        .hasMessageContaining("unknown key 'indicator'");
  }

  @Test
  void anUnknownTypeListsTheValidOnes() {
    assertThatThrownBy(() -> LogSchemaReader.read("schema: Custom.App\nfields:\n  - name: a\n    type: text\n",
        "app.yml"))
        .hasMessageContaining("fields.a")
        .hasMessageContaining("unknown type 'text' (expected one of string, object, array");
  }

  @Test
  void anUnknownIndicatorIsRefused() {
    assertThatThrownBy(() -> LogSchemaReader.read(
        "schema: Custom.App\nfields:\n  - name: a\n    type: string\n    indicators: [ipv4]\n", "app.yml"))
        .hasMessageContaining("fields.a")
        .hasMessageContaining("ipv4");
  }

  @Test
  void aRefToAMissingDefinitionIsRefused() {
    assertThatThrownBy(() -> LogSchemaReader.read(
        "schema: Custom.App\nfields:\n  - name: a\n    type: ref\n    target: Nope\n", "app.yml"))
        .hasMessageContaining("ref target 'Nope' is not defined");
  }

  @Test
  void anInvalidNameIsRefused() {
    assertThatThrownBy(() -> LogSchemaReader.read("schema: custom app\nfields:\n  - name: a\n    type: string\n",
        "app.yml"))
        .hasMessageContaining("invalid log type name 'custom app'");
  }

  @Test
  void timeFormatIsOnlyForTimestamps() {
    assertThatThrownBy(() -> LogSchemaReader.read(
        "schema: Custom.App\nfields:\n  - name: a\n    type: string\n    timeFormat: unix\n", "app.yml"))
        .hasMessageContaining("only allowed on type timestamp");
  }

  @Test
  void catalogSafeColumnNamesSpellOutSymbols() {
    assertThat(ColumnNames.safe("@timestamp")).isEqualTo("at_sign_timestamp");
    assertThat(ColumnNames.safe("resolver-endpoint")).isEqualTo("resolver-endpoint");
    assertThat(ColumnNames.safe("a.b")).isEqualTo("a_b");
    assertThat(ColumnNames.safe("café")).isEqualTo("cafe");
  }
}
