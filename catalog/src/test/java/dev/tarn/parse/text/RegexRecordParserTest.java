package dev.tarn.parse.text;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.logschema.ParserSpec;
import dev.tarn.logschema.TextOptions;
import dev.tarn.parse.RecordRejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexRecordParserTest {

  private static RegexRecordParser parser(Map<String, String> definitions, TextOptions options, String... match) {
    return new RegexRecordParser(new ParserSpec.Regex(List.of(match), definitions, options));
  }

  private static RegexRecordParser parser(String... match) {
    return parser(Map.of(), TextOptions.NONE, match);
  }

  @Test
  void parsesApacheCommonLogWithTheConformanceSchema() throws Exception {
    ParserSpec.Regex spec =
        SchemaParserSection.regex(ConformanceData.require("schemas/apache_common_log_regex_schema.yml"));

    assertThat(new RegexRecordParser(spec).parse(
        "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326"))
        .containsExactly(event("""
            {"remote_ip": "127.0.0.1", "user": "frank", "timestamp": "10/Oct/2000:13:55:36 -0700",
             "method": "GET", "request_uri": "/apache_pb.gif", "protocol": "HTTP/1.0",
             "status": "200", "bytes_sent": "2326"}"""));
  }

  @Test
  void capturesFieldsWithBuiltInPatterns() throws Exception {
    RegexRecordParser parser = parser("%{IP:ip} %{INT:n} %{WORD:w} %{LOGLEVEL:level} %{GREEDYDATA:rest}");

    assertThat(parser.parse("10.1.2.3 -42 hello WARNING the rest, of it")).containsExactly(event("""
        {"ip": "10.1.2.3", "n": "-42", "w": "hello", "level": "WARNING", "rest": "the rest, of it"}"""));
  }

  @Test
  void matchesIpv6AddressesAsIp() throws Exception {
    RegexRecordParser parser = parser("%{IP:a} %{IP:b} %{IP:c}");

    assertThat(parser.parse("2001:db8::1 ::ffff:192.0.2.1 fe80::1%eth0")).containsExactly(event("""
        {"a": "2001:db8::1", "b": "::ffff:192.0.2.1", "c": "fe80::1%eth0"}"""));
  }

  @Test
  void matchesCommonTimestampAndUriPatterns() throws Exception {
    RegexRecordParser parser =
        parser("%{TIMESTAMP_ISO8601:ts} \\[%{HTTPDATE:http}\\] %{URIPATHPARAM:path} %{UUID:id} %{QS:quoted}");

    assertThat(parser.parse("2020-07-27T16:32:20.123Z [10/Oct/2000:13:55:36 -0700] /a/b?x=1&y=2"
        + " 123e4567-e89b-12d3-a456-426614174000 \"say \\\"hi\\\"\"")).containsExactly(event("""
            {"ts": "2020-07-27T16:32:20.123Z", "http": "10/Oct/2000:13:55:36 -0700", "path": "/a/b?x=1&y=2",
             "id": "123e4567-e89b-12d3-a456-426614174000", "quoted": "\\"say \\\\\\"hi\\\\\\"\\""}"""));
  }

  @Test
  void usesPatternDefinitionsThatReferToBuiltIns() throws Exception {
    RegexRecordParser parser = parser(Map.of("HOSTPORT2", "%{IPORHOST:host}:%{POSINT:port}"), TextOptions.NONE,
        "%{HOSTPORT2:target}");

    assertThat(parser.parse("example.com:8080")).containsExactly(event("""
        {"target": "example.com:8080", "host": "example.com", "port": "8080"}"""));
  }

  @Test
  void doesNotCaptureReferencesWithoutAFieldName() throws Exception {
    assertThat(parser("%{INT} %{WORD:w}").parse("12 abc")).containsExactly(event("""
        {"w": "abc"}"""));
  }

  @Test
  void acceptsFieldNamesThatAreNotJavaGroupNames() throws Exception {
    assertThat(parser("%{WORD:remote-ip} %{WORD:user.name} %{WORD:_x}").parse("a b c"))
        .containsExactly(event("""
            {"remote-ip": "a", "user.name": "b", "_x": "c"}"""));
  }

  @Test
  void turnsGoStyleNamedGroupsIntoFields() throws Exception {
    assertThat(parser("(?P<code>\\d+) (?<word>[[:alpha:]]+)").parse("404 gone")).containsExactly(event("""
        {"code": "404", "word": "gone"}"""));
  }

  @Test
  void treatsBracesThatAreNotRepetitionsAsText() throws Exception {
    assertThat(parser("<{%{WORD:w}}> x{2}").parse("<{a}> xx")).containsExactly(event("""
        {"w": "a"}"""));
  }

  @Test
  void joinsTheMatchLinesIntoOnePattern() throws Exception {
    assertThat(parser("%{INT:a}", " ", "%{INT:b}").parse("1 2")).containsExactly(event("""
        {"a": "1", "b": "2"}"""));
  }

  @Test
  void requiresTheWholeLineToMatch() {
    assertThatThrownBy(() -> parser("%{INT:n}").parse("12 trailing"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("line does not match regex pattern '%{INT:n}'");
  }

  @Test
  void appliesEmptyValuesAndSkipPrefix() throws Exception {
    RegexRecordParser parser =
        parser(Map.of(), new TextOptions("#", List.of("-"), false, Map.of(), 0), "%{NOTSPACE:a} %{NOTSPACE:b}");

    assertThat(parser.parse("# comment")).isEmpty();
    assertThat(parser.parse("- x")).containsExactly(event("""
        {"b": "x"}"""));
  }

  @Test
  void refusesAnUnknownPatternNamingIt() {
    assertThatThrownBy(() -> parser("%{NOPE:x}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown pattern %{NOPE}");
  }

  @Test
  void refusesRecursivePatternDefinitions() {
    assertThatThrownBy(() -> parser(Map.of("A", "x%{B}", "B", "y%{A}"), TextOptions.NONE, "%{A:a}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Recursive pattern %{A}")
        .hasMessageContaining("A -> B -> A");
  }

  @Test
  void refusesAnInvalidRegexNamingThePattern() {
    assertThatThrownBy(() -> parser("(%{INT:n}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid regex pattern '(%{INT:n}'");
  }
}
