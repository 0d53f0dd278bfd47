package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A day's volume of one table judged against its history.
 *
 * @param table {@code database.table}
 * @param date the day ({@code p_date})
 * @param volume the day's row count
 * @param expectedMin lower end of the usual range (null when there is too little history)
 * @param expectedMax upper end of the usual range (null when there is too little history)
 * @param historyDays how many earlier days the range was computed from
 * @param status {@link Status#ANOMALY}, {@link Status#NORMAL} or {@link Status#INSUFFICIENT_HISTORY}
 * @param message one line for people: the value, the range and the history
 */
public record VolumeAnomaly(String table, LocalDate date, long volume, Double expectedMin, Double expectedMax,
    int historyDays, Status status, String message) {
  public enum Status { ANOMALY, NORMAL, INSUFFICIENT_HISTORY }

  public VolumeAnomaly {
    requireNonNull(table, "table is null");
    requireNonNull(date, "date is null");
    requireNonNull(status, "status is null");
    requireNonNull(message, "message is null");
  }

  public boolean anomalous() {
    return status == Status.ANOMALY;
  }
}
