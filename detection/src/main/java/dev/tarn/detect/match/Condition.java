package dev.tarn.detect.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Panther's {@code Condition} vocabulary. A negated condition is exactly the negation of its positive form, so on a
 * missing key every positive condition is false and every negated one is true (see README-match.md).
 */
public enum Condition {
  EQUALS("Equals", Operation.EQUALS, Shape.VALUE, false, false),
  DOES_NOT_EQUAL("DoesNotEqual", Operation.EQUALS, Shape.VALUE, true, false),
  IEQUALS("IEquals", Operation.EQUALS, Shape.VALUE, false, true),
  IDOES_NOT_EQUAL("IDoesNotEqual", Operation.EQUALS, Shape.VALUE, true, true),
  CONTAINS("Contains", Operation.CONTAINS, Shape.VALUE, false, false),
  DOES_NOT_CONTAIN("DoesNotContain", Operation.CONTAINS, Shape.VALUE, true, false),
  ICONTAINS("IContains", Operation.CONTAINS, Shape.VALUE, false, true),
  IDOES_NOT_CONTAIN("IDoesNotContain", Operation.CONTAINS, Shape.VALUE, true, true),
  STARTS_WITH("StartsWith", Operation.STARTS_WITH, Shape.VALUE, false, false),
  DOES_NOT_START_WITH("DoesNotStartWith", Operation.STARTS_WITH, Shape.VALUE, true, false),
  ISTARTS_WITH("IStartsWith", Operation.STARTS_WITH, Shape.VALUE, false, true),
  IDOES_NOT_START_WITH("IDoesNotStartWith", Operation.STARTS_WITH, Shape.VALUE, true, true),
  ENDS_WITH("EndsWith", Operation.ENDS_WITH, Shape.VALUE, false, false),
  DOES_NOT_END_WITH("DoesNotEndWith", Operation.ENDS_WITH, Shape.VALUE, true, false),
  IENDS_WITH("IEndsWith", Operation.ENDS_WITH, Shape.VALUE, false, true),
  IDOES_NOT_END_WITH("IDoesNotEndWith", Operation.ENDS_WITH, Shape.VALUE, true, true),
  IS_GREATER_THAN("IsGreaterThan", Operation.GREATER_THAN, Shape.VALUE, false, false),
  IS_GREATER_THAN_OR_EQUALS("IsGreaterThanOrEquals", Operation.GREATER_THAN_OR_EQUALS, Shape.VALUE, false, false),
  IS_LESS_THAN("IsLessThan", Operation.LESS_THAN, Shape.VALUE, false, false),
  IS_LESS_THAN_OR_EQUALS("IsLessThanOrEquals", Operation.LESS_THAN_OR_EQUALS, Shape.VALUE, false, false),
  IS_IN("IsIn", Operation.IN, Shape.VALUES, false, false),
  IS_NOT_IN("IsNotIn", Operation.IN, Shape.VALUES, true, false),
  EXISTS("Exists", Operation.IS_NULL, Shape.UNARY, true, false),
  DOES_NOT_EXIST("DoesNotExist", Operation.IS_NULL, Shape.UNARY, false, false),
  IS_NULL("IsNull", Operation.IS_NULL, Shape.UNARY, false, false),
  IS_NOT_NULL("IsNotNull", Operation.IS_NULL, Shape.UNARY, true, false),
  IS_NULL_OR_EMPTY("IsNullOrEmpty", Operation.IS_NULL_OR_EMPTY, Shape.UNARY, false, false),
  IS_NOT_NULL_OR_EMPTY("IsNotNullOrEmpty", Operation.IS_NULL_OR_EMPTY, Shape.UNARY, true, false),
  IS_IP_ADDRESS("IsIPAddress", Operation.IS_IP_ADDRESS, Shape.UNARY, false, false),
  IS_IP_ADDRESS_PUBLIC("IsIPAddressPublic", Operation.IS_PUBLIC_IP_ADDRESS, Shape.UNARY, false, false),
  IS_IP_ADDRESS_PRIVATE("IsIPAddressPrivate", Operation.IS_PRIVATE_IP_ADDRESS, Shape.UNARY, false, false),
  IS_IP_ADDRESS_IN_CIDR("IsIPAddressInCIDR", Operation.IN_CIDR, Shape.CIDR, false, false),
  ANY_ELEMENT("AnyElement", Operation.ANY_ELEMENT, Shape.ELEMENTS, false, false),
  ALL_ELEMENTS("AllElements", Operation.ALL_ELEMENTS, Shape.ELEMENTS, false, false),
  NO_ELEMENT("NoElement", Operation.ANY_ELEMENT, Shape.ELEMENTS, true, false),
  ONLY_ONE_ELEMENT("OnlyOneElement", Operation.ONLY_ONE_ELEMENT, Shape.ELEMENTS, false, false),
  ALWAYS_TRUE("AlwaysTrue", Operation.ALWAYS, Shape.ABSOLUTE, false, false),
  ALWAYS_FALSE("AlwaysFalse", Operation.ALWAYS, Shape.ABSOLUTE, true, false);

  /** What a condition computes before negation. */
  public enum Operation {
    EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH,
    GREATER_THAN, GREATER_THAN_OR_EQUALS, LESS_THAN, LESS_THAN_OR_EQUALS,
    IN, IS_NULL, IS_NULL_OR_EMPTY, IS_IP_ADDRESS, IS_PUBLIC_IP_ADDRESS, IS_PRIVATE_IP_ADDRESS, IN_CIDR,
    ANY_ELEMENT, ALL_ELEMENTS, ONLY_ONE_ELEMENT, ALWAYS;

    public boolean isNumeric() {
      return this == GREATER_THAN || this == GREATER_THAN_OR_EQUALS || this == LESS_THAN
          || this == LESS_THAN_OR_EQUALS;
    }

    public boolean isText() {
      return this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
    }
  }

  /** What a condition takes besides the key. */
  public enum Shape {
    /** One {@code Value} (or, in a multi-key expression, a second key). */
    VALUE,
    /** {@code Values}: a list of scalars. */
    VALUES,
    /** Nothing. */
    UNARY,
    /** {@code Value} or {@code Values}: CIDR blocks. */
    CIDR,
    /** {@code Expressions}, evaluated per list element. */
    ELEMENTS,
    /** No key at all. */
    ABSOLUTE
  }

  /** Spellings older PAT fixtures and schema tests use for the same conditions. */
  private static final Map<String, Condition> ALIASES = Map.of(
      "Has", CONTAINS,
      "DoesNotHave", DOES_NOT_CONTAIN,
      "IsGreaterThanOrEqualTo", IS_GREATER_THAN_OR_EQUALS,
      "IsLessThanOrEqualTo", IS_LESS_THAN_OR_EQUALS);

  private static final Map<String, Condition> BY_NAME = byName();

  private final String yamlName;
  private final Operation operation;
  private final Shape shape;
  private final boolean negated;
  private final boolean ignoreCase;

  Condition(String yamlName, Operation operation, Shape shape, boolean negated, boolean ignoreCase) {
    this.yamlName = yamlName;
    this.operation = operation;
    this.shape = shape;
    this.negated = negated;
    this.ignoreCase = ignoreCase;
  }

  private static Map<String, Condition> byName() {
    Map<String, Condition> m = new LinkedHashMap<>();
    for (Condition c : values()) {
      m.put(c.yamlName, c);
    }
    m.putAll(ALIASES);
    return Map.copyOf(m);
  }

  /** The condition spelled exactly {@code name} (aliases included), if any. */
  public static Optional<Condition> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The canonical names, in documentation order (aliases excluded). */
  public static List<String> names() {
    return java.util.Arrays.stream(values()).map(Condition::yamlName).toList();
  }

  /** Every accepted spelling, aliases included. */
  static List<String> allSpellings() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  public String yamlName() {
    return yamlName;
  }

  public Operation operation() {
    return operation;
  }

  public Shape shape() {
    return shape;
  }

  /** Whether the result is the negation of {@link #operation()}. */
  public boolean negated() {
    return negated;
  }

  /** Whether text is compared ignoring case (the {@code I} prefix). */
  public boolean ignoreCase() {
    return ignoreCase;
  }
}
