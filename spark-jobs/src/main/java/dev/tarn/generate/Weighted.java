package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of choices with relative weights, drawn from a seeded source. Immutable. */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] cumulative) {
    this.items = List.copyOf(items);
    this.cumulative = cumulative;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Every item with weight 1. */
  static <T> Weighted<T> uniform(List<T> items) {
    Builder<T> builder = builder();
    items.forEach(item -> builder.add(item, 1));
    return builder.build();
  }

  T pick(SplittableRandom random) {
    double point = random.nextDouble() * cumulative[cumulative.length - 1];
    int index = Arrays.binarySearch(cumulative, point);
    index = index >= 0 ? index + 1 : -index - 1;
    return items.get(Math.min(index, items.size() - 1));
  }

  List<T> items() {
    return items;
  }

  static final class Builder<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    Builder<T> add(T item, double weight) {
      requireNonNull(item, "item is null");
      if (!(weight > 0)) {
        throw new IllegalArgumentException("Invalid weight for " + item + ": " + weight + " (must be > 0)");
      }
      items.add(item);
      weights.add(weight);
      return this;
    }

    Weighted<T> build() {
      if (items.isEmpty()) {
        throw new IllegalStateException("A weighted choice needs at least one item");
      }
      double[] cumulative = new double[weights.size()];
      double sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += weights.get(i);
        cumulative[i] = sum;
      }
      return new Weighted<>(items, cumulative);
    }
  }
}
