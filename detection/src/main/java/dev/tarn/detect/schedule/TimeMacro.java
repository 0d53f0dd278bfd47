package dev.tarn.detect.schedule;

import dev.tarn.detect.schedule.EventTimeFilter.Bound;
import dev.tarn.detect.schedule.MacroCall.Argument;
import dev.tarn.detect.schedule.SqlLexer.Kind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Panther's time macros and the window each selects. Every macro takes its time arguments, then optionally a table
 * alias and, after the alias, the column to filter (default {@code p_event_time}).
 *
 * <ul>
 *   <li>{@code p_occurs_since(offset)}: {@code [now - offset, now)}. Panther leaves the upper end open; Tarn closes it
 *       at {@code now} because a scheduled run's {@code now} is its scheduled time, and a late or catch-up run must
 *       not read events of later slots (Panther documents that scheduled runs use the scheduled time).</li>
 *   <li>{@code p_occurs_between(start, end)}: {@code [start, end]}, both ends included, as SQL BETWEEN.</li>
 *   <li>{@code p_occurs_around(timestamp, offset)}: {@code [timestamp - offset, timestamp + offset]}.</li>
 *   <li>{@code p_occurs_after(timestamp)}: {@code [timestamp, ...)}; {@code p_occurs_before(timestamp)}:
 *       {@code (..., timestamp)}, so after and before of one timestamp split time without overlap.</li>
 * </ul>
 */
enum TimeMacro {
  SINCE("p_occurs_since", "offset"),
  BETWEEN("p_occurs_between", "startTime, endTime"),
  AROUND("p_occurs_around", "timestamp, offset"),
  AFTER("p_occurs_after", "timestamp"),
  BEFORE("p_occurs_before", "timestamp");

  static final String PREFIX = "p_occurs_";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String macroName;
  private final int timeArguments;
  private final String signature;

  TimeMacro(String macroName, String timeParameters) {
    this.macroName = macroName;
    this.timeArguments = timeParameters.split(",").length;
    this.signature = macroName + "(" + timeParameters + "[, tableAlias[, column]])";
  }

  static Optional<TimeMacro> named(String name) {
    return Arrays.stream(values()).filter(m -> m.macroName.equalsIgnoreCase(name)).findFirst();
  }

  static String knownNames() {
    return Arrays.stream(values()).map(m -> m.macroName).collect(Collectors.joining(", "));
  }

  /** The Spark SQL predicate replacing {@code call}, with {@code now} as the present. */
  String expand(MacroCall call, Instant now) {
    int count = call.arguments().size();
    if (count < timeArguments || count > timeArguments + 2) {
      throw call.error("expected " + signature + " but got " + count + " argument" + (count == 1 ? "" : "s"));
    }
    for (int i = 0; i < count; i++) {
      if (call.arguments().get(i).tokens().isEmpty()) {
        throw call.error("argument " + (i + 1) + " is empty; expected " + signature);
      }
    }
    String qualifier = count > timeArguments ? identifier(call, timeArguments, "a table alias") + "." : "";
    String column = count > timeArguments + 1
        ? identifier(call, timeArguments + 1, "a column name")
        : EventTimeFilter.EVENT_TIME;
    EventTimeFilter filter = switch (this) {
      case SINCE -> new EventTimeFilter(qualifier, column,
          Optional.of(new Bound(shift(call, now, offset(call, 0), -1), true)),
          Optional.of(new Bound(now, false)));
      case BETWEEN -> {
        Instant start = timestamp(call, 0);
        Instant end = timestamp(call, 1);
        if (start.isAfter(end)) {
          throw call.error("startTime " + call.arguments().get(0).source() + " is after endTime "
              + call.arguments().get(1).source() + "; expected startTime <= endTime");
        }
        yield new EventTimeFilter(qualifier, column, Optional.of(new Bound(start, true)),
            Optional.of(new Bound(end, true)));
      }
      case AROUND -> {
        Instant center = timestamp(call, 0);
        Duration offset = offset(call, 1);
        yield new EventTimeFilter(qualifier, column, Optional.of(new Bound(shift(call, center, offset, -1), true)),
            Optional.of(new Bound(shift(call, center, offset, 1), true)));
      }
      case AFTER -> new EventTimeFilter(qualifier, column, Optional.of(new Bound(timestamp(call, 0), true)),
          Optional.empty());
      case BEFORE -> new EventTimeFilter(qualifier, column, Optional.empty(),
          Optional.of(new Bound(timestamp(call, 0), false)));
    };
    if (!filter.inSparkRange()) {
      throw call.error("the time window falls outside the years 1 to 9999; expected a smaller offset or timestamp");
    }
    return filter.toSql();
  }

  private static Duration offset(MacroCall call, int index) {
    Argument argument = call.arguments().get(index);
    String text = argument.isSingle(Kind.STRING) ? argument.tokens().get(0).stringValue() : argument.words();
    return TimeOffset.parse(text)
        .orElseThrow(() -> call.argumentError(index, "is not a time offset; expected " + TimeOffset.EXPECTED));
  }

  private static Instant timestamp(MacroCall call, int index) {
    Argument argument = call.arguments().get(index);
    if (!argument.isSingle(Kind.STRING)) {
      throw call.argumentError(index, "is not a quoted timestamp; expected " + MacroTimestamp.EXPECTED
          + " (SQL expressions such as current_timestamp are not supported: the window must be fixed when the query"
          + " is expanded so that p_date partitions can be pruned)");
    }
    return MacroTimestamp.parse(argument.tokens().get(0).stringValue())
        .orElseThrow(() -> call.argumentError(index, "is not a valid timestamp; expected " + MacroTimestamp.EXPECTED));
  }

  private static String identifier(MacroCall call, int index, String what) {
    Argument argument = call.arguments().get(index);
    boolean plain = argument.isSingle(Kind.WORD) && IDENTIFIER.matcher(argument.source()).matches();
    if (!plain && !argument.isSingle(Kind.QUOTED_IDENTIFIER)) {
      throw call.argumentError(index, "is not " + what + "; expected an unquoted identifier such as ct1 or a"
          + " back-quoted one such as `my alias`");
    }
    return argument.source();
  }

  private static Instant shift(MacroCall call, Instant at, Duration offset, int sign) {
    try {
      return sign < 0 ? at.minus(offset) : at.plus(offset);
    } catch (DateTimeException | ArithmeticException e) {
      throw call.error("the offset " + offset + " is too large; expected a window within the years 1 to 9999");
    }
  }
}
