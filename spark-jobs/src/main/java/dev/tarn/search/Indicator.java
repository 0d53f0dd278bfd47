package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import dev.tarn.indicator.IndicatorKind;

/**
 * One indicator value to look for, already in the form ingest writes it to its {@code p_any_*} column.
 *
 * @param type what the user asked for ({@code --ip}, {@code --hash}, ...)
 * @param kind the indicator kind, which names the column searched
 * @param value the normalised value, compared by exact element match
 */
public record Indicator(SearchKind type, IndicatorKind kind, String value) {
  public Indicator {
    requireNonNull(type, "type is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(value, "value is null");
  }

  /** The {@code p_any_*} column that holds this indicator. */
  public String column() {
    return kind.column();
  }
}
