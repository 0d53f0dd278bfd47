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

class FastmatchRecordParserTest {

  private static final String APACHE_LINE =
      "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326";

  private static FastmatchRecordParser parser(TextOptions options, String... patterns) {
    return new FastmatchRecordParser(new ParserSpec.Fastmatch(List.of(patterns), options));
  }

  private static FastmatchRecordParser parser(String... patterns) {
    return parser(TextOptions.NONE, patterns);
  }

  @Test
  void parsesApacheCommonLogWithTheConformanceSchema() throws Exception {
    ParserSpec.Fastmatch spec =
        SchemaParserSection.fastmatch(ConformanceData.require("schemas/apache_common_log_fastmatch_schema.yml"));

    assertThat(new FastmatchRecordParser(spec).parse(APACHE_LINE)).containsExactly(event("""
        {"remote_ip": "127.0.0.1", "user": "frank", "timestamp": "10/Oct/2000:13:55:36 -0700",
         "method": "GET", "request_uri": "/apache_pb.gif", "protocol": "HTTP/1.0",
         "status": "200", "bytes_sent": "2326"}"""));
  }

  @Test
  void decodesEscapedQuotesInsideQuotedValues() throws Exception {
    assertThat(parser("%{a} \"%{b}\" %{c}").parse("1 \"say \\\"hi\\\" now\" 2")).containsExactly(event("""
        {"a": "1", "b": "say \\"hi\\" now", "c": "2"}"""));
  }

  @Test
  void keepsQuotesThatDoNotEndAQuotedValue() throws Exception {
    assertThat(parser("%{a} \"%{b}\" %{c}").parse("1 \"6\"2' tall\" 2")).containsExactly(event("""
        {"a": "1", "b": "6\\"2' tall", "c": "2"}"""));
  }

  @Test
  void givesTheRestOfTheLineToTheLastPlaceholder() throws Exception {
    assertThat(parser("%{level}: %{message}").parse("WARN: disk: 91% full")).containsExactly(event("""
        {"level": "WARN", "message": "disk: 91% full"}"""));
  }

  @Test
  void matchesButDiscardsUnnamedPlaceholders() throws Exception {
    assertThat(parser("%{} %{user}").parse("ignored alice")).containsExactly(event("""
        {"user": "alice"}"""));
  }

  @Test
  void requiresTheTextBeforeTheFirstPlaceholder() {
    assertThatThrownBy(() -> parser("[%{level}] %{message}").parse("WARN something"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("line does not match fastmatch pattern '[%{level}] %{message}'");
  }

  @Test
  void usesTheFirstPatternThatMatches() throws Exception {
    FastmatchRecordParser parser = parser("%{a}|%{b}", "%{c},%{d}");

    assertThat(parser.parse("1,2")).containsExactly(event("""
        {"c": "1", "d": "2"}"""));
    assertThat(parser.parse("1|2,3")).containsExactly(event("""
        {"a": "1", "b": "2,3"}"""));
  }

  @Test
  void rejectsALineThatMatchesNoPattern() {
    assertThatThrownBy(() -> parser("%{a}|%{b}", "%{c},%{d}").parse("1 2"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("line matches none of the 2 fastmatch patterns");
  }

  @Test
  void refusesAdjacentPlaceholdersNamingThePattern() {
    assertThatThrownBy(() -> parser("%{a}%{b} %{c}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'%{a}%{b} %{c}'")
        .hasMessageContaining("need literal text between them");
  }

  @Test
  void refusesAPatternWithoutPlaceholders() {
    assertThatThrownBy(() -> parser("just text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no %{field} placeholder");
  }

  @Test
  void skipsTheConfiguredNumberOfLeadingLines() throws Exception {
    FastmatchRecordParser parser = parser(new TextOptions(null, List.of(), false, Map.of(), 2), "%{a} %{b}");

    assertThat(parser.parse("#Version: 1.0")).isEmpty();
    assertThat(parser.parse("#Fields: a b")).isEmpty();
    assertThat(parser.parse("1 2")).containsExactly(event("""
        {"a": "1", "b": "2"}"""));
  }

  @Test
  void appliesEmptyValuesTrimmingAndExpansion() throws Exception {
    TextOptions options = new TextOptions(null, List.of("-"), true, Map.of("who", "%{user}@%{host}"), 0);

    assertThat(parser(options, "%{host}|%{user}|%{note}").parse(" h | u | - ")).containsExactly(event("""
        {"host": "h", "user": "u", "who": "u@h"}"""));
  }

  @Test
  void refusesLinesThatLookLikeJson() {
    assertThatThrownBy(() -> parser("%{a} %{b}").parse("{\"a\": 1}"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("JSON");
  }
}
