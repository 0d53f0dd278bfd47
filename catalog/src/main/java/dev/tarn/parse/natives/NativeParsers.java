package dev.tarn.parse.natives;

import dev.tarn.parse.RecordParser;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The text parsers written in Java, by the log type name a schema gives under {@code parser: native: name:}. */
public final class NativeParsers {

  private static final Map<String, Supplier<RecordParser>> BY_NAME = byName();

  private NativeParsers() {}

  /**
   * @return a new parser (parsers keep per-file state, so every file needs its own)
   * @throws IllegalArgumentException when no native text parser has that name
   */
  public static RecordParser create(String name) {
    Supplier<RecordParser> factory = BY_NAME.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "Unknown native parser: " + name + " (known: " + String.join(", ", BY_NAME.keySet()) + ")");
    }
    return factory.get();
  }

  private static Map<String, Supplier<RecordParser>> byName() {
    Map<String, Supplier<RecordParser>> byName = new LinkedHashMap<>();
    byName.put("AWS.VPCFlow", VpcFlowRecordParser::new);
    byName.put("AWS.S3ServerAccess", S3ServerAccessRecordParser::new);
    byName.put("AWS.ALB", AlbRecordParser::new);
    byName.put("AWS.AuroraMySQLAudit", AuroraMySqlAuditRecordParser::new);
    byName.put("Apache.AccessCombined", () -> new ApacheAccessRecordParser(true));
    byName.put("Apache.AccessCommon", () -> new ApacheAccessRecordParser(false));
    byName.put("Syslog.RFC5424", Syslog5424RecordParser::new);
    byName.put("Syslog.RFC3164", () -> new Syslog3164RecordParser(Clock.systemUTC()));
    byName.put("Crowdstrike.Unknown", CrowdstrikeUnknownRecordParser::new);
    byName.put("GitLab.Production", GitLabProductionRecordParser::new);
    byName.put("CiscoUmbrella.DNS", UmbrellaRecordParser::dns);
    byName.put("CiscoUmbrella.IP", UmbrellaRecordParser::ip);
    byName.put("CiscoUmbrella.CloudFirewall", UmbrellaRecordParser::cloudFirewall);
    byName.put("CiscoUmbrella.Proxy", UmbrellaRecordParser::proxy);
    byName.put("Juniper.Access", () -> juniper(JuniperRecordParser.Kind.ACCESS));
    byName.put("Juniper.Audit", () -> juniper(JuniperRecordParser.Kind.AUDIT));
    byName.put("Juniper.Firewall", () -> juniper(JuniperRecordParser.Kind.FIREWALL));
    byName.put("Juniper.MWS", () -> juniper(JuniperRecordParser.Kind.MWS));
    byName.put("Juniper.Postgres", () -> juniper(JuniperRecordParser.Kind.POSTGRES));
    byName.put("Juniper.Security", () -> juniper(JuniperRecordParser.Kind.SECURITY));
    byName.put("Nginx.Access", NginxAccessRecordParser::new);
    // Fastly's "Blank" log line format is plain Common Log Format, the same text as Apache's common format.
    byName.put("Fastly.Access", () -> new ApacheAccessRecordParser(false));
    return Collections.unmodifiableMap(byName);
  }

  private static RecordParser juniper(JuniperRecordParser.Kind kind) {
    return new JuniperRecordParser(kind, Clock.systemUTC());
  }
}
