package dev.tarn.health;

import java.time.Duration;

/** Durations as people read them in alarm titles and the status screen: {@code 3h 10m}, {@code 2d 4h}, {@code 45s}. */
final class HumanDuration {
  private HumanDuration() {}

  static String format(Duration d) {
    if (d == null) {
      return "-";
    }
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    long days = s / 86_400;
    long hours = s % 86_400 / 3600;
    long minutes = s % 3600 / 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
    }
    return minutes + "m";
  }
}
