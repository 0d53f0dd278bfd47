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

class CsvRecordParserTest {

  private static final List<String> COLUMNS = List.of("host", "port", "user");

  private static CsvRecordParser parser(List<String> columns, boolean hasHeader, TextOptions options) {
    return new CsvRecordParser(new ParserSpec.Csv(',', columns, hasHeader, options));
  }

  private static CsvRecordParser parser(TextOptions options) {
    return parser(COLUMNS, false, options);
  }

  @Test
  void namesFieldsByTheConfiguredColumns() throws Exception {
    assertThat(parser(TextOptions.NONE).parse("example.com,443,alice"))
        .containsExactly(event("""
            {"host": "example.com", "port": "443", "user": "alice"}"""));
  }

  @Test
  void readsQuotedFieldsWithDelimitersAndDoubledQuotes() throws Exception {
    assertThat(parser(TextOptions.NONE).parse("\"a, b\",\"say \"\"hi\"\"\",c"))
        .containsExactly(event("""
            {"host": "a, b", "port": "say \\"hi\\"", "user": "c"}"""));
  }

  @Test
  void keepsQuotesInsideUnquotedFieldsAsText() throws Exception {
    assertThat(parser(TextOptions.NONE).parse("ab\"c,1,x\"")).containsExactly(event("""
        {"host": "ab\\"c", "port": "1", "user": "x\\""}"""));
  }

  @Test
  void keepsAStrayQuoteInsideAQuotedField() throws Exception {
    assertThat(parser(TextOptions.NONE).parse("\"ab\"c\",1,x")).containsExactly(event("""
        {"host": "ab\\"c", "port": "1", "user": "x"}"""));
  }

  @Test
  void takesColumnNamesFromTheHeaderRow() throws Exception {
    CsvRecordParser parser = parser(List.of(), true, TextOptions.NONE);

    assertThat(parser.parse("ts, action")).isEmpty();
    assertThat(parser.parse("1596,login")).containsExactly(event("""
        {"ts": "1596", "action": "login"}"""));
  }

  @Test
  void skipsTheHeaderRowWhenColumnsAreConfigured() throws Exception {
    CsvRecordParser parser = parser(COLUMNS, true, TextOptions.NONE);

    assertThat(parser.parse("h,p,u")).isEmpty();
    assertThat(parser.parse("a,1,b")).containsExactly(event("""
        {"host": "a", "port": "1", "user": "b"}"""));
  }

  @Test
  void rejectsARowWithAnotherNumberOfColumns() {
    assertThatThrownBy(() -> parser(TextOptions.NONE).parse("a,1"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("expected 3 comma-separated columns, found 2");
  }

  @Test
  void refusesLinesThatLookLikeJson() {
    assertThatThrownBy(() -> parser(List.of("a"), false, TextOptions.NONE).parse("{\"a\":1}"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("JSON");
  }

  @Test
  void skipsCommentLinesBeforeReadingTheHeader() throws Exception {
    CsvRecordParser parser = parser(List.of(), true, new TextOptions("#", List.of(), false, Map.of(), 0));

    assertThat(parser.parse("# written by exporter 1.2")).isEmpty();
    assertThat(parser.parse("a,b")).isEmpty();
    assertThat(parser.parse("1,2")).containsExactly(event("""
        {"a": "1", "b": "2"}"""));
  }

  @Test
  void dropsEmptyValuesAndPlaceholders() throws Exception {
    TextOptions options = new TextOptions(null, List.of("-", "N/A"), false, Map.of(), 0);

    assertThat(parser(options).parse("-,,N/A")).containsExactly(event("{}"));
  }

  @Test
  void trimsSurroundingSpaceWhenAsked() throws Exception {
    TextOptions options = new TextOptions(null, List.of("-"), true, Map.of(), 0);

    assertThat(parser(options).parse(" a , - ,b ")).containsExactly(event("""
        {"host": "a", "user": "b"}"""));
  }

  @Test
  void addsExpandedFieldsFromTemplates() throws Exception {
    TextOptions options = new TextOptions(null, List.of(), false, Map.of("address", "%{host}:%{port}"), 0);

    assertThat(parser(options).parse("a,1,b")).containsExactly(event("""
        {"host": "a", "port": "1", "user": "b", "address": "a:1"}"""));
  }

  @Test
  void leavesOutAnExpandedFieldWhoseTemplateRefersToAMissingField() throws Exception {
    TextOptions options = new TextOptions(null, List.of("-"), false, Map.of("address", "%{host}:%{port}"), 0);

    assertThat(parser(options).parse("a,-,b")).containsExactly(event("""
        {"host": "a", "user": "b"}"""));
  }

  @Test
  void splitsOnTabs() throws Exception {
    CsvRecordParser parser = new CsvRecordParser(new ParserSpec.Csv('\t', COLUMNS, false, TextOptions.NONE));

    assertThat(parser.parse("a b\t1\tc")).containsExactly(event("""
        {"host": "a b", "port": "1", "user": "c"}"""));
  }

  @Test
  void splitsOnSpacesWithQuotedFields() throws Exception {
    CsvRecordParser parser = new CsvRecordParser(new ParserSpec.Csv(' ', COLUMNS, false, TextOptions.NONE));

    assertThat(parser.parse("a 1 \"c d\"")).containsExactly(event("""
        {"host": "a", "port": "1", "user": "c d"}"""));
  }

  @Test
  void rejectsAnUnsupportedDelimiter() {
    assertThatThrownBy(() -> new CsvRecordParser(new ParserSpec.Csv(';', COLUMNS, false, TextOptions.NONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("';'");
  }

  @Test
  void rejectsASpecThatNamesNoColumns() {
    assertThatThrownBy(() -> new CsvRecordParser(new ParserSpec.Csv(',', List.of(), false, TextOptions.NONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no columns");
  }
}
