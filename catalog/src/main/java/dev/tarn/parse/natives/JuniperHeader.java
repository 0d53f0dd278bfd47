package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordRejectedException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;

/**
 * The syslog-style header of Juniper web application security (JWAS/Mykonos) logs, {@code Mar 19 21:11:47 host },
 * which has no year and no zone. The zone is taken as UTC; the year is the current one, except that a line read in
 * January with a later month is from last year (a December line read just after new year).
 */
final class JuniperHeader {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private final Clock clock;

  JuniperHeader(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code line} starts like a header ({@code Mmm }), which is how continuation lines are told apart. */
  static boolean startsWithMonth(String line) {
    return line.length() > 4 && line.charAt(3) == ' ' && month(line) > 0;
  }

  /**
   * Puts {@code timestamp} and {@code hostname} into {@code event}.
   *
   * @return the offset of the text after the host name and its space
   */
  int read(String line, ObjectNode event) throws RecordRejectedException {
    int month = startsWithMonth(line) ? month(line) : 0;
    if (month == 0) {
      throw reject(line);
    }
    int pos = 4;
    if (pos < line.length() && line.charAt(pos) == ' ') {
      pos++; // syslog pads one-digit days with a space
    }
    int dayStart = pos;
    while (pos < line.length() && Character.isDigit(line.charAt(pos))) {
      pos++;
    }
    if (pos == dayStart || pos - dayStart > 2 || pos + 9 > line.length() || line.charAt(pos) != ' ') {
      throw reject(line);
    }
    int day = Integer.parseInt(line, dayStart, pos, 10);
    int hour = twoDigits(line, pos + 1);
    int minute = twoDigits(line, pos + 4);
    int second = twoDigits(line, pos + 7);
    if (hour < 0 || minute < 0 || second < 0 || line.charAt(pos + 3) != ':' || line.charAt(pos + 6) != ':') {
      throw reject(line);
    }
    pos += 9;
    if (pos >= line.length() || line.charAt(pos) != ' ') {
      throw reject(line);
    }
    int hostStart = pos + 1;
    int hostEnd = line.indexOf(' ', hostStart);
    if (hostEnd <= hostStart) {
      throw reject(line);
    }
    LocalDate today = LocalDate.now(clock);
    int year = today.getMonth() == Month.JANUARY && month > 1 ? today.getYear() - 1 : today.getYear();
    try {
      LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second);
      event.put("timestamp", Rfc3339.format(time.toInstant(ZoneOffset.UTC)));
    } catch (DateTimeException e) {
      throw RecordRejectedException.of("invalid Juniper log time in '%s': %s", preview(line), e.getMessage());
    }
    event.put("hostname", line.substring(hostStart, hostEnd));
    return hostEnd + 1;
  }

  private static int month(String line) {
    int index = MONTHS.indexOf(line.substring(0, 3));
    return index < 0 || index % 3 != 0 ? 0 : index / 3 + 1;
  }

  private static int twoDigits(String s, int at) {
    if (at + 2 > s.length() || !Character.isDigit(s.charAt(at)) || !Character.isDigit(s.charAt(at + 1))) {
      return -1;
    }
    return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
  }

  private static RecordRejectedException reject(String line) {
    return RecordRejectedException.of(
        "invalid Juniper log line: expected 'Mmm d hh:mm:ss host ' at the start, found '%s'", preview(line));
  }

  static String preview(String line) {
    return line.length() <= 40 ? line : line.substring(0, 40) + "...";
  }
}
