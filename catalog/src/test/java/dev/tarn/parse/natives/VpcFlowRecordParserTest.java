package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class VpcFlowRecordParserTest {

  private static final String DEFAULT_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport"
      + " protocol packets bytes start end action log-status";

  @Test
  void readsTheHeaderWithoutEvents() throws Exception {
    assertThat(new VpcFlowRecordParser().parse(DEFAULT_HEADER)).isEmpty();
  }

  @Test
  void mapsDefaultColumnsToSchemaFieldsAndRendersTimes() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse(DEFAULT_HEADER);

    assertThat(parser.parse("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249"
        + " 1418530010 1418530070 ACCEPT OK")).containsExactly(event("""
            {"version": "2", "account": "123456789010", "interfaceId": "eni-1235b8ca123456789",
             "srcAddr": "172.31.16.139", "dstAddr": "172.31.16.21", "srcPort": "20641", "dstPort": "22",
             "protocol": "6", "packets": "20", "bytes": "4249", "start": "2014-12-14T04:06:50Z",
             "end": "2014-12-14T04:07:50Z", "action": "ACCEPT", "status": "OK"}"""));
  }

  @Test
  void mapsCustomColumnsByTheirHeaderPosition() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse("instance-id vpc-id subnet-id type tcp-flags pkt-srcaddr pkt-dstaddr start");

    assertThat(parser.parse("i-01 vpc-02 subnet-03 IPv4 19 10.0.0.1 10.0.0.2 1418530010"))
        .containsExactly(event("""
            {"instanceId": "i-01", "vpcId": "vpc-02", "subNetId": "subnet-03", "trafficType": "IPv4",
             "tcpFlags": "19", "pktSrcAddr": "10.0.0.1", "pktDstAddr": "10.0.0.2",
             "start": "2014-12-14T04:06:50Z"}"""));
  }

  @Test
  void leavesOutDashesAndUnknownAccounts() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse(DEFAULT_HEADER);

    assertThat(parser.parse("2 unknown eni-1a2b3c4d - - - - - - - 1431280876 1431280934 - NODATA"))
        .containsExactly(event("""
            {"version": "2", "interfaceId": "eni-1a2b3c4d", "start": "2015-05-10T18:01:16Z",
             "end": "2015-05-10T18:02:14Z", "status": "NODATA"}"""));
  }

  @Test
  void ignoresColumnsItDoesNotKnow() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse("version srcaddr dstaddr srcport dstport flow-direction");

    assertThat(parser.parse("5 10.0.0.1 10.0.0.2 443 51000 ingress")).containsExactly(event("""
        {"version": "5", "srcAddr": "10.0.0.1", "dstAddr": "10.0.0.2", "srcPort": "443", "dstPort": "51000"}"""));
  }

  @Test
  void rejectsADataLineBeforeAnyHeader() {
    assertThatThrownBy(() -> new VpcFlowRecordParser().parse("2 123456789010 eni-1 1.1.1.1 2.2.2.2 1 2 6 1 1 1 1"
        + " ACCEPT OK"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("expected a VPC flow log header as the first line")
        .hasMessageContaining("found 0 known names");
  }

  @Test
  void rejectsAHeaderWithTooFewKnownColumns() {
    assertThatThrownBy(() -> new VpcFlowRecordParser().parse("version srcaddr dstaddr start something else"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("found 4 known names");
  }

  @Test
  void rejectsALineWithAnotherNumberOfColumnsThanTheHeader() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse(DEFAULT_HEADER);

    assertThatThrownBy(() -> parser.parse("2 123456789010 eni-1 1.1.1.1"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("expected 14 space-separated columns as named by the header, found 4");
  }

  @Test
  void rejectsAStartThatIsNotUnixSeconds() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse("version srcaddr dstaddr srcport dstport start");

    assertThatThrownBy(() -> parser.parse("2 1.1.1.1 2.2.2.2 1 2 yesterday"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid start 'yesterday' (expected unix seconds)");
  }

  @Test
  void acceptsTheHeaderAgainWhenFilesWereConcatenated() throws Exception {
    VpcFlowRecordParser parser = new VpcFlowRecordParser();
    parser.parse(DEFAULT_HEADER);

    assertThat(parser.parse(DEFAULT_HEADER)).isEmpty();
  }

  @Test
  void refusesLinesThatLookLikeJson() {
    assertThatThrownBy(() -> new VpcFlowRecordParser().parse("{\"version\": 2, \"srcaddr\": 1}"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("JSON");
  }
}
