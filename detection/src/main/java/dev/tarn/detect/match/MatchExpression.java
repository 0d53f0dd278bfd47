package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed match expression ({@code Detection:}, {@code InlineFilters:}, list-comprehension {@code Expressions:},
 * {@code DynamicSeverities[].Conditions:}). Build one with {@link MatchParser}; evaluate it with
 * {@link MatchEvaluator} (Java values) or compile it to a Spark column ({@code dev.tarn.detect.spark.MatchCompiler}).
 */
public sealed interface MatchExpression {

  /** {@code All: [...]} and any list of expressions: true when every one is true (so true when empty). */
  record All(List<MatchExpression> expressions) implements MatchExpression {
    public All {
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code Any: [...]}: true when at least one is true (so false when empty). */
  record Any(List<MatchExpression> expressions) implements MatchExpression {
    public Any {
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code OnlyOne: [...]}: true when exactly one is true. */
  record OnlyOne(List<MatchExpression> expressions) implements MatchExpression {
    public OnlyOne {
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code None: [...]}: true when none is true (so true when empty). */
  record None(List<MatchExpression> expressions) implements MatchExpression {
    public None {
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code Condition: AlwaysTrue} or {@code AlwaysFalse}. */
  record Absolute(boolean result) implements MatchExpression {}

  /**
   * Key/value: {@code {<key>, Condition, Value}} for a {@link Condition.Shape#VALUE} condition.
   *
   * @param value a {@code String}, {@code Long}, {@code Double} or {@code Boolean}
   */
  record KeyValue(KeySpec key, Condition condition, Object value) implements MatchExpression {
    public KeyValue {
      requireNonNull(key, "key is null");
      requireNonNull(condition, "condition is null");
      requireNonNull(value, "value is null");
    }
  }

  /**
   * Key/values: {@code {<key>, Condition: IsIn | IsNotIn, Values}}, and {@code IsIPAddressInCIDR} with one or more
   * blocks.
   *
   * @param values scalars as for {@link KeyValue}; {@link Cidr}s for {@code IsIPAddressInCIDR}
   */
  record KeyValues(KeySpec key, Condition condition, List<Object> values) implements MatchExpression {
    public KeyValues {
      requireNonNull(key, "key is null");
      requireNonNull(condition, "condition is null");
      values = List.copyOf(values);
    }
  }

  /** Unary: {@code {<key>, Condition}} for existence, null/empty and IP-address checks. */
  record Unary(KeySpec key, Condition condition) implements MatchExpression {
    public Unary {
      requireNonNull(key, "key is null");
      requireNonNull(condition, "condition is null");
    }
  }

  /**
   * Multi-key: {@code {Condition, Values: [<key>, <key>]}} compares the value at {@code left} with the value at
   * {@code right} as if {@code right}'s value were the {@code Value}.
   */
  record MultiKey(Condition condition, KeySpec left, KeySpec right) implements MatchExpression {
    public MultiKey {
      requireNonNull(condition, "condition is null");
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
    }
  }

  /**
   * List comprehension: {@code {<key>, Condition: AnyElement | AllElements | NoElement | OnlyOneElement,
   * Expressions}}. {@code element} is evaluated with each list element as the root, so its keys are relative to the
   * element.
   */
  record ListComprehension(KeySpec key, Condition condition, MatchExpression element) implements MatchExpression {
    public ListComprehension {
      requireNonNull(key, "key is null");
      requireNonNull(condition, "condition is null");
      requireNonNull(element, "element is null");
    }
  }
}
