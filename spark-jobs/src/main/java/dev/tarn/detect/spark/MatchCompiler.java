package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.tarn.detect.match.Cidr;
import dev.tarn.detect.match.Condition;
import dev.tarn.detect.match.MatchExpression;
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
import dev.tarn.detect.match.ValueKind;
import dev.tarn.detect.spark.SchemaPath.Scope;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * Compiles a match expression into a boolean Spark column with the same results as {@code MatchEvaluator}, over rows
 * whose columns carry the event's original field names (nested structs, arrays, maps). Built-in functions only; list
 * comprehensions become {@code exists}/{@code forall}/{@code filter}. The column is never null: every leaf is
 * coalesced to the result the semantics give a missing value.
 */
public final class MatchCompiler {
  private MatchCompiler() {}

  /** The boolean column for {@code expression} over rows of {@code schema}. */
  public static Column compile(MatchExpression expression, StructType schema) {
    return compile(expression, Scope.root(schema));
  }

  static Column compile(MatchExpression e, Scope scope) {
    if (e instanceof All all) {
      return fold(all.expressions(), scope, true);
    }
    if (e instanceof Any any) {
      return fold(any.expressions(), scope, false);
    }
    if (e instanceof None none) {
      return not(fold(none.expressions(), scope, false));
    }
    if (e instanceof OnlyOne one) {
      Column count = lit(0);
      for (MatchExpression x : one.expressions()) {
        count = count.plus(when(compile(x, scope), 1).otherwise(0));
      }
      return count.equalTo(1);
    }
    if (e instanceof Absolute a) {
      return lit(a.result());
    }
    if (e instanceof KeyValue kv) {
      SparkOperand value = SchemaPath.resolve(scope, kv.key().path());
      return result(kv.condition(), compare(kv.condition(), value, SparkOperand.literal(kv.value())));
    }
    if (e instanceof MultiKey mk) {
      SparkOperand left = SchemaPath.resolve(scope, mk.left().path());
      SparkOperand right = SchemaPath.resolve(scope, mk.right().path());
      return result(mk.condition(), compare(mk.condition(), left, right));
    }
    if (e instanceof KeyValues kvs) {
      SparkOperand value = SchemaPath.resolve(scope, kvs.key().path());
      return result(kvs.condition(), anyOf(kvs.condition(), value, kvs.values()));
    }
    if (e instanceof Unary u) {
      SparkOperand value = SchemaPath.resolve(scope, u.key().path());
      return result(u.condition(), check(u.condition(), value));
    }
    ListComprehension lc = (ListComprehension) e;
    SparkOperand value = SchemaPath.resolve(scope, lc.key().path());
    return result(lc.condition(), elements(lc, value));
  }

  private static Column fold(List<MatchExpression> expressions, Scope scope, boolean and) {
    Column out = null;
    for (MatchExpression x : expressions) {
      Column c = compile(x, scope);
      out = out == null ? c : and ? out.and(c) : out.or(c);
    }
    return out == null ? lit(and) : out;
  }

  /** The positive result made non-null (null means a missing value, where a positive condition is false). */
  private static Column result(Condition c, Column positive) {
    Column definite = coalesce(positive, lit(false));
    return c.negated() ? not(definite) : definite;
  }

  private static Column compare(Condition c, SparkOperand value, SparkOperand operand) {
    if (value.missing() || operand.missing()) {
      return lit(false);
    }
    boolean ic = c.ignoreCase();
    switch (c.operation()) {
      case EQUALS:
        return SparkSemantics.equal(value, operand, ic);
      case CONTAINS:
        return SparkSemantics.contains(value, operand, ic);
      case STARTS_WITH:
        return SparkSemantics.startsWith(value, operand, ic);
      case ENDS_WITH:
        return SparkSemantics.endsWith(value, operand, ic);
      case GREATER_THAN:
        return SparkSemantics.compareNumbers(value, operand, Column::gt);
      case GREATER_THAN_OR_EQUALS:
        return SparkSemantics.compareNumbers(value, operand, Column::geq);
      case LESS_THAN:
        return SparkSemantics.compareNumbers(value, operand, Column::lt);
      case LESS_THAN_OR_EQUALS:
        return SparkSemantics.compareNumbers(value, operand, Column::leq);
      default:
        throw new IllegalStateException("not a comparison: " + c);
    }
  }

  private static Column anyOf(Condition c, SparkOperand value, List<Object> operands) {
    if (value.missing()) {
      return lit(false);
    }
    if (c.operation() == Condition.Operation.IN_CIDR) {
      if (value.kind() != ValueKind.STRING) {
        return lit(false);
      }
      List<Cidr> blocks = operands.stream().map(Cidr.class::cast).toList();
      return SparkIp.inAny(value.column(), blocks);
    }
    if (value.kind() == ValueKind.STRING && operands.stream().allMatch(String.class::isInstance)) {
      return value.column().isin(operands.toArray()); // text against text: plain equality
    }
    Column any = lit(false);
    for (Object operand : operands) {
      any = any.or(coalesce(SparkSemantics.equal(value, SparkOperand.literal(operand), c.ignoreCase()), lit(false)));
    }
    return any;
  }

  private static Column check(Condition c, SparkOperand value) {
    switch (c.operation()) {
      case IS_NULL:
        return value.missing() ? lit(true) : value.column().isNull();
      case IS_NULL_OR_EMPTY:
        return SparkSemantics.isNullOrEmpty(value);
      default:
        break;
    }
    if (value.kind() != ValueKind.STRING) {
      return lit(false);
    }
    switch (c.operation()) {
      case IS_IP_ADDRESS:
        return SparkIp.isValid(value.column());
      case IS_PUBLIC_IP_ADDRESS:
        return SparkIp.isPublic(value.column());
      case IS_PRIVATE_IP_ADDRESS:
        return SparkIp.isPrivate(value.column());
      default:
        throw new IllegalStateException("not a unary condition: " + c);
    }
  }

  private static Column elements(ListComprehension lc, SparkOperand value) {
    if (value.kind() != ValueKind.LIST) {
      return lit(false);
    }
    ArrayType array = (ArrayType) value.type();
    Function1<Column, Column> element =
        x -> compile(lc.element(), Scope.element(x, array.elementType()));
    switch (lc.condition().operation()) {
      case ANY_ELEMENT:
        return exists(value.column(), element);
      case ALL_ELEMENTS:
        return forall(value.column(), element);
      case ONLY_ONE_ELEMENT:
        return size(filter(value.column(), element)).equalTo(1);
      default:
        throw new IllegalStateException("not a list comprehension: " + lc.condition());
    }
  }
}
