package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class AuroraMySqlAuditRecordParserTest {

  private final AuroraMySqlAuditRecordParser parser = new AuroraMySqlAuditRecordParser();

  @Test
  void readsAQueryLineWithTheTimestampInMicroseconds() throws Exception {
    assertThat(parser.parse("1587584185016843,ip-10-0-0-1,admin,10.0.0.7,26,1032,QUERY,sales,'SELECT 1',0"))
        .containsExactly(event("""
            {"timestamp": "2020-04-22T19:36:25.016843Z", "serverHost": "ip-10-0-0-1", "username": "admin",
             "host": "10.0.0.7", "connectionId": "26", "queryId": "1032", "operation": "QUERY",
             "database": "sales", "object": "'SELECT 1'", "retCode": "0"}"""));
  }

  @Test
  void joinsTheCommasOfTheSqlTextBackIntoTheObject() throws Exception {
    assertThat(parser.parse("1587584185016843,db,admin,10.0.0.7,26,1032,QUERY,sales,'SELECT a, b, c FROM t',0")
        .get(0).get("object").textValue()).isEqualTo("'SELECT a, b, c FROM t'");
  }

  @Test
  void omitsEmptyColumns() throws Exception {
    assertThat(parser.parse("1587584185000000,db,rdsadmin,localhost,26,0,CONNECT,,,0")).containsExactly(event("""
        {"timestamp": "2020-04-22T19:36:25Z", "serverHost": "db", "username": "rdsadmin", "host": "localhost",
         "connectionId": "26", "queryId": "0", "operation": "CONNECT", "retCode": "0"}"""));
  }

  @Test
  void takesTheNinthOfNineColumnsAsTheReturnCode() throws Exception {
    assertThat(parser.parse("1587584185000000,db,admin,localhost,26,0,DISCONNECT,sales,1158").get(0))
        .isEqualTo(event("""
            {"timestamp": "2020-04-22T19:36:25Z", "serverHost": "db", "username": "admin", "host": "localhost",
             "connectionId": "26", "queryId": "0", "operation": "DISCONNECT", "database": "sales",
             "retCode": "1158"}"""));
  }

  @Test
  void rejectsALineWithFewerThanNineColumns() {
    assertThatThrownBy(() -> parser.parse("1587584185000000,db,admin,localhost,26,0,CONNECT,0"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid Aurora MySQL audit line: 8 columns, expected at least 9");
  }

  @Test
  void rejectsATimestampThatIsNotUnixMicroseconds() {
    assertThatThrownBy(() -> parser.parse("2020-04-22 19:36:25,db,admin,localhost,26,0,CONNECT,,,0"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid timestamp '2020-04-22 19:36:25' (expected unix microseconds)");
  }
}
