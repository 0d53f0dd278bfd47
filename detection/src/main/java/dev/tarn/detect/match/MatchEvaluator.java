package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.match.MatchExpression.Absolute;
import dev.tarn.detect.match.MatchExpression.All;
import dev.tarn.detect.match.MatchExpression.Any;
import dev.tarn.detect.match.MatchExpression.KeyValue;
import dev.tarn.detect.match.MatchExpression.KeyValues;
import dev.tarn.detect.match.MatchExpression.ListComprehension;
import dev.tarn.detect.match.MatchExpression.MultiKey;
import dev.tarn.detect.match.MatchExpression.None;
import dev.tarn.detect.match.MatchExpression.OnlyOne;
import dev.tarn.detect.match.MatchExpression.Unary;
import java.util.List;
import java.util.Map;

/**
 * Evaluates match expressions over JSON-like Java values ({@code Map}, {@code List}, {@code String}, numbers,
 * {@code Boolean}, null), such as a detection test's {@code Log}. Never throws for any event.
 */
public final class MatchEvaluator {
  private MatchEvaluator() {}

  /** Whether {@code event} matches {@code expression}. */
  public static boolean matches(MatchExpression expression, Map<String, ?> event) {
    requireNonNull(expression, "expression is null");
    requireNonNull(event, "event is null");
    return evaluate(expression, event);
  }

  /** Evaluates with {@code root} as the object keys are relative to (an event, or a list element). */
  static boolean evaluate(MatchExpression e, Object root) {
    if (e instanceof All all) {
      return all.expressions().stream().allMatch(x -> evaluate(x, root));
    }
    if (e instanceof Any any) {
      return any.expressions().stream().anyMatch(x -> evaluate(x, root));
    }
    if (e instanceof OnlyOne one) {
      return one.expressions().stream().filter(x -> evaluate(x, root)).count() == 1;
    }
    if (e instanceof None none) {
      return none.expressions().stream().noneMatch(x -> evaluate(x, root));
    }
    if (e instanceof Absolute a) {
      return a.result();
    }
    if (e instanceof KeyValue kv) {
      Object value = EventPath.resolve(root, kv.key().path());
      return kv.condition().negated() != compare(kv.condition(), value, kv.value());
    }
    if (e instanceof MultiKey mk) {
      Object left = EventPath.resolve(root, mk.left().path());
      Object right = EventPath.resolve(root, mk.right().path());
      return mk.condition().negated() != compare(mk.condition(), left, right);
    }
    if (e instanceof KeyValues kvs) {
      Object value = EventPath.resolve(root, kvs.key().path());
      return kvs.condition().negated() != anyOf(kvs.condition(), value, kvs.values());
    }
    if (e instanceof Unary u) {
      Object value = EventPath.resolve(root, u.key().path());
      return u.condition().negated() != check(u.condition(), value);
    }
    ListComprehension lc = (ListComprehension) e;
    Object value = EventPath.resolve(root, lc.key().path());
    return lc.condition().negated() != elements(lc, value);
  }

  private static boolean compare(Condition c, Object value, Object operand) {
    if (value == null || operand == null) {
      return false;
    }
    boolean ic = c.ignoreCase();
    switch (c.operation()) {
      case EQUALS:
        return ValueSemantics.equal(value, operand, ic);
      case CONTAINS:
        return ValueSemantics.contains(value, operand, ic);
      case STARTS_WITH:
        return ValueSemantics.startsWith(value, operand, ic);
      case ENDS_WITH:
        return ValueSemantics.endsWith(value, operand, ic);
      default:
        Integer order = ValueSemantics.compareNumbers(value, operand);
        if (order == null) {
          return false;
        }
        switch (c.operation()) {
          case GREATER_THAN:
            return order > 0;
          case GREATER_THAN_OR_EQUALS:
            return order >= 0;
          case LESS_THAN:
            return order < 0;
          case LESS_THAN_OR_EQUALS:
            return order <= 0;
          default:
            throw new IllegalStateException("not a comparison: " + c);
        }
    }
  }

  private static boolean anyOf(Condition c, Object value, List<Object> operands) {
    if (value == null) {
      return false;
    }
    if (c.operation() == Condition.Operation.IN_CIDR) {
      String bits = value instanceof String s ? IpText.bits(s) : null;
      return bits != null && operands.stream().anyMatch(cidr -> ((Cidr) cidr).contains(bits));
    }
    return operands.stream().anyMatch(v -> ValueSemantics.equal(value, v, c.ignoreCase()));
  }

  private static boolean check(Condition c, Object value) {
    switch (c.operation()) {
      case IS_NULL:
        return value == null;
      case IS_NULL_OR_EMPTY:
        return ValueSemantics.isNullOrEmpty(value);
      case IS_IP_ADDRESS:
        return value instanceof String s && IpText.isValid(s);
      case IS_PUBLIC_IP_ADDRESS:
        return value instanceof String s && IpText.isPublic(s);
      case IS_PRIVATE_IP_ADDRESS:
        return value instanceof String s && IpText.isPrivate(s);
      default:
        throw new IllegalStateException("not a unary condition: " + c);
    }
  }

  private static boolean elements(ListComprehension lc, Object value) {
    if (!(value instanceof List<?> list)) {
      return false;
    }
    switch (lc.condition().operation()) {
      case ANY_ELEMENT:
        return list.stream().anyMatch(x -> evaluate(lc.element(), x));
      case ALL_ELEMENTS:
        return list.stream().allMatch(x -> evaluate(lc.element(), x));
      case ONLY_ONE_ELEMENT:
        return list.stream().filter(x -> evaluate(lc.element(), x)).count() == 1;
      default:
        throw new IllegalStateException("not a list comprehension: " + lc.condition());
    }
  }
}
