package dev.tarn.indicator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the indicator values of one event.
 *
 * <p>One instance is reused per task thread across millions of events, so adding is a plain append
 * into a lazily created list per kind; deduplication and sorting happen once, in {@link #values},
 * when the event is written. {@link #clear()} keeps the lists' capacity for the next event.
 *
 * <p>Not thread-safe.
 */
public final class Indicators {
  private static final IndicatorKind[] KINDS = IndicatorKind.values();

  @SuppressWarnings("unchecked")
  private final ArrayList<String>[] byKind = new ArrayList[KINDS.length];

  /** Records {@code value} as an indicator of {@code kind}; null and empty values are dropped. */
  public void add(IndicatorKind kind, String value) {
    requireNonNull(kind, "kind is null");
    if (value == null || value.isEmpty()) {
      return;
    }
    ArrayList<String> values = byKind[kind.ordinal()];
    if (values == null) {
      values = new ArrayList<>(4);
      byKind[kind.ordinal()] = values;
    }
    values.add(value);
  }

  /** Whether no indicator of any kind has been added since the last {@link #clear()}. */
  public boolean isEmpty() {
    for (ArrayList<String> values : byKind) {
      if (values != null && !values.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The distinct values of {@code kind} in natural {@link String} order, as an immutable list (empty
   * when there are none) — the form Panther writes to the {@code p_any_*} column.
   */
  public List<String> values(IndicatorKind kind) {
    requireNonNull(kind, "kind is null");
    ArrayList<String> values = byKind[kind.ordinal()];
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    // Sorting and compacting in place keeps repeated calls cheap and the buffer small.
    Collections.sort(values);
    int kept = 1;
    for (int i = 1; i < values.size(); i++) {
      String value = values.get(i);
      if (!value.equals(values.get(kept - 1))) {
        values.set(kept++, value);
      }
    }
    values.subList(kept, values.size()).clear();
    return List.copyOf(values);
  }

  /** Forgets all values, keeping allocated capacity for the next event. */
  public void clear() {
    for (ArrayList<String> values : byKind) {
      if (values != null) {
        values.clear();
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Indicators{");
    String separator = "";
    for (IndicatorKind kind : KINDS) {
      ArrayList<String> values = byKind[kind.ordinal()];
      if (values != null && !values.isEmpty()) {
        out.append(separator).append(kind.column()).append('=').append(values);
        separator = ", ";
      }
    }
    return out.append('}').toString();
  }
}
