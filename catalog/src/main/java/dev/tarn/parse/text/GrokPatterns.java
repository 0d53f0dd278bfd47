package dev.tarn.parse.text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The named patterns every regex schema may use without defining them: the usual grok vocabulary. They are written
 * for {@code java.util.regex}; alternations that loop (quoted strings) are unrolled so long values do not recurse
 * deeply in the regex engine.
 */
final class GrokPatterns {

  private static final String H16 = "[0-9A-Fa-f]{1,4}";

  static final Map<String, String> BUILTIN = Map.ofEntries(
      // Text
      Map.entry("DATA", ".*?"),
      Map.entry("GREEDYDATA", ".*"),
      Map.entry("NOTSPACE", "\\S+"),
      Map.entry("NS", "%{NOTSPACE}"),
      Map.entry("SPACE", "\\s*"),
      Map.entry("WORD", "\\b\\w+\\b"),
      Map.entry("QUOTEDSTRING", "\"[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*\"|'[^'\\\\]*(?:\\\\.[^'\\\\]*)*'"),
      Map.entry("QS", "%{QUOTEDSTRING}"),
      Map.entry("UUID", "[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}"),
      Map.entry("LOGLEVEL", "[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo|INFO"
          + "|[Ww]arn?(?:ing)?|WARN?(?:ING)?|[Ee]rr?(?:or)?|ERR?(?:OR)?|[Cc]rit?(?:ical)?|CRIT?(?:ICAL)?"
          + "|[Ff]atal|FATAL|[Ss]evere|SEVERE|EMERG(?:ENCY)?|[Ee]merg(?:ency)?"),
      Map.entry("PROG", "[\\x21-\\x5a\\x5c\\x5e-\\x7e]+"),
      // Numbers
      Map.entry("DIGITS", "\\d+"),
      Map.entry("INT", "[+-]?\\d+"),
      Map.entry("BASE10NUM", "[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)"),
      Map.entry("NUMBER", "%{BASE10NUM}"),
      Map.entry("BASE16NUM", "(?:0[xX])?[0-9A-Fa-f]+"),
      Map.entry("POSINT", "\\b[1-9]\\d*\\b"),
      Map.entry("NONNEGINT", "\\b\\d+\\b"),
      Map.entry("PID", "%{POSINT}"),
      // Network
      Map.entry("USERNAME", "[a-zA-Z0-9._-]+"),
      Map.entry("USER", "%{USERNAME}"),
      Map.entry("EMAILLOCALPART", "[A-Za-z0-9!#$&'*+/=?^_`|~-]+(?:\\.[A-Za-z0-9!#$&'*+/=?^_`|~-]+)*"),
      Map.entry("EMAILADDRESS", "%{EMAILLOCALPART}@%{HOSTNAME}"),
      Map.entry("IPV4", "(?<![0-9])(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)"
          + "(?![0-9])"),
      Map.entry("IPV6", ipv6()),
      Map.entry("IP", "%{IPV6}|%{IPV4}"),
      Map.entry("HOSTNAME", "\\b[0-9A-Za-z][0-9A-Za-z-]{0,62}(?:\\.[0-9A-Za-z][0-9A-Za-z-]{0,62})*(?:\\.?|\\b)"),
      Map.entry("HOST", "%{HOSTNAME}"),
      Map.entry("IPORHOST", "%{IP}|%{HOSTNAME}"),
      Map.entry("HOSTPORT", "%{IPORHOST}:%{POSINT}"),
      // Paths and URIs
      Map.entry("UNIXPATH", "(?:/[\\w%!$@:.,+~-]*)+"),
      Map.entry("WINPATH", "(?:[A-Za-z]+:|\\\\)(?:\\\\[^\\\\?*]*)+"),
      Map.entry("PATH", "%{UNIXPATH}|%{WINPATH}"),
      Map.entry("URIPROTO", "[A-Za-z][A-Za-z0-9+.-]*"),
      Map.entry("URIHOST", "%{IPORHOST}(?::%{POSINT})?"),
      Map.entry("URIPATH", "(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%_\\-]*)+"),
      Map.entry("URIPARAM", "\\?[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\\-\\[\\]<>]*"),
      Map.entry("URIPATHPARAM", "%{URIPATH}(?:%{URIPARAM})?"),
      Map.entry("URI", "%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATHPARAM})?"),
      // Dates and times
      Map.entry("MONTH", "\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b"),
      Map.entry("MONTHNUM", "0?[1-9]|1[0-2]"),
      Map.entry("MONTHNUM2", "0[1-9]|1[0-2]"),
      Map.entry("MONTHDAY", "0[1-9]|[12]\\d|3[01]|[1-9]"),
      Map.entry("DAY", "Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?"),
      Map.entry("YEAR", "(?:\\d\\d){1,2}"),
      Map.entry("HOUR", "2[0-3]|[01]?\\d"),
      Map.entry("MINUTE", "[0-5]\\d"),
      Map.entry("SECOND", "(?:[0-5]?\\d|60)(?:[:.,]\\d+)?"),
      Map.entry("TIME", "(?<![0-9])%{HOUR}:%{MINUTE}(?::%{SECOND})(?![0-9])"),
      Map.entry("DATE_US", "%{MONTHNUM}[/-]%{MONTHDAY}[/-]%{YEAR}"),
      Map.entry("DATE_EU", "%{MONTHDAY}[./-]%{MONTHNUM}[./-]%{YEAR}"),
      Map.entry("DATE", "%{DATE_US}|%{DATE_EU}"),
      Map.entry("DATESTAMP", "%{DATE}[- ]%{TIME}"),
      Map.entry("TZ", "[PMCE][SD]T|UTC"),
      Map.entry("ISO8601_TIMEZONE", "Z|[+-]%{HOUR}(?::?%{MINUTE})"),
      Map.entry("ISO8601_SECOND", "%{SECOND}|60"),
      Map.entry("TIMESTAMP_ISO8601",
          "%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?"),
      Map.entry("SYSLOGTIMESTAMP", "%{MONTH} +%{MONTHDAY} %{TIME}"),
      Map.entry("HTTPDATE", "%{MONTHDAY}/%{MONTH}/%{YEAR}:%{TIME} %{INT}"));

  private GrokPatterns() {}

  /** Full and compressed ({@code ::}) forms, an embedded IPv4 tail, and an optional zone index. */
  private static String ipv6() {
    String h = H16;
    String v4 = "%{IPV4}";
    List<String> forms = List.of(
        "(?:" + h + ":){7}" + h,
        "(?:" + h + ":){1,7}:",
        "(?:" + h + ":){1,6}:" + h,
        "(?:" + h + ":){1,5}(?::" + h + "){1,2}",
        "(?:" + h + ":){1,4}(?::" + h + "){1,3}",
        "(?:" + h + ":){1,3}(?::" + h + "){1,4}",
        "(?:" + h + ":){1,2}(?::" + h + "){1,5}",
        h + ":(?::" + h + "){1,6}",
        ":(?:(?::" + h + "){1,7}|:)",
        "(?:" + h + ":){6}" + v4,
        "(?:" + h + ":){1,5}:" + v4,
        "::(?:[Ff]{4}(?::0{1,4})?:)?" + v4);
    return forms.stream().map(form -> "(?:" + form + ")").collect(Collectors.joining("|", "(?:", ")"))
        + "(?:%[0-9A-Za-z]+)?";
  }
}
