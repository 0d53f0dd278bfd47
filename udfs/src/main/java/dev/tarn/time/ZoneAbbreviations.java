package dev.tarn.time;

import java.util.Locale;
import java.util.Map;

/**
 * UTC offsets of the time-zone abbreviations that show up in logs.
 *
 * <p>Abbreviations are ambiguous ({@code CST} is US Central and China Standard Time, {@code IST}
 * three different zones), so only common, mostly unambiguous ones are listed, with the US reading
 * where RFC 822 defines one. An unknown abbreviation counts as UTC: that is what Panther's Go parser
 * did (it fabricates a zero-offset zone for names the local zone, UTC on Lambda, does not know).
 */
final class ZoneAbbreviations {
  private static final Map<String, Integer> OFFSET_MINUTES =
      Map.ofEntries(
          Map.entry("UTC", 0),
          Map.entry("UT", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("WET", 0),
          Map.entry("WEST", 60),
          Map.entry("BST", 60),
          Map.entry("CET", 60),
          Map.entry("CEST", 120),
          Map.entry("MET", 60),
          Map.entry("MEST", 120),
          Map.entry("EET", 120),
          Map.entry("EEST", 180),
          Map.entry("MSK", 180),
          Map.entry("EST", -300),
          Map.entry("EDT", -240),
          Map.entry("CST", -360),
          Map.entry("CDT", -300),
          Map.entry("MST", -420),
          Map.entry("MDT", -360),
          Map.entry("PST", -480),
          Map.entry("PDT", -420),
          Map.entry("AKST", -540),
          Map.entry("AKDT", -480),
          Map.entry("HST", -600),
          Map.entry("JST", 540),
          Map.entry("KST", 540),
          Map.entry("HKT", 480),
          Map.entry("SGT", 480),
          Map.entry("AWST", 480),
          Map.entry("ACST", 570),
          Map.entry("ACDT", 630),
          Map.entry("AEST", 600),
          Map.entry("AEDT", 660),
          Map.entry("NZST", 720),
          Map.entry("NZDT", 780));

  private ZoneAbbreviations() {}

  /** Offset from UTC in seconds of {@code abbreviation} (any case); 0 when unknown. */
  static int offsetSeconds(String abbreviation) {
    return OFFSET_MINUTES.getOrDefault(abbreviation.toUpperCase(Locale.ROOT), 0) * 60;
  }
}
