package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.checks.Check;

/**
 * One of Tarn's checks on a table, as a Deequ {@link Check} holding a single constraint, so each result row names the
 * check in Tarn's words ({@code p_row_id unique}) and carries Deequ's constraint and metric.
 */
record QualityCheck(String name, Check deequ) {
  QualityCheck {
    requireNonNull(name, "name is null");
    requireNonNull(deequ, "deequ is null");
  }
}
