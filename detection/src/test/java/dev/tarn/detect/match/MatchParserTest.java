package dev.tarn.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.detect.match.MatchExpression.All;
import dev.tarn.detect.match.MatchExpression.Any;
import dev.tarn.detect.match.MatchExpression.KeyValue;
import dev.tarn.detect.match.MatchExpression.KeyValues;
import dev.tarn.detect.match.MatchExpression.ListComprehension;
import dev.tarn.detect.match.MatchExpression.MultiKey;
import dev.tarn.detect.match.MatchExpression.Unary;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchParserTest {

  @Test
  void readsATopLevelListAsAll() {
    MatchExpression e = Yaml.detection("""
        - Key: action
          Condition: Equals
          Value: repo.archived
        """);
    assertThat(e).isEqualTo(new All(List.of(
        new KeyValue(new KeySpec.Key("action"), Condition.EQUALS, "repo.archived"))));
  }

  @Test
  void readsIntegersAsLongs() {
    MatchExpression e = Yaml.detection("[{Key: n, Condition: IsGreaterThan, Value: 5}]");
    assertThat(((KeyValue) ((All) e).expressions().get(0)).value()).isEqualTo(5L);
  }

  @Test
  void readsEveryKeySpecifierAsAPath() {
    All e = (All) Yaml.detection("""
        - {DeepKey: [a, 0, b], Condition: Exists}
        - {KeyPath: 'a[0].b', Condition: Exists}
        - {Enrichment: {Table: t, Selector: client.ip, FieldPath: 'geo.cc'}, Condition: Exists}
        """);
    List<PathStep> expected = List.of(new PathStep.Field("a"), new PathStep.Index(0), new PathStep.Field("b"));
    assertThat(((Unary) e.expressions().get(0)).key().path()).isEqualTo(expected);
    assertThat(((Unary) e.expressions().get(1)).key().path()).isEqualTo(expected);
    assertThat(((Unary) e.expressions().get(2)).key().path()).containsExactly(
        new PathStep.Field("p_enrichment"), new PathStep.Field("t"), new PathStep.Field("client.ip"),
        new PathStep.Field("geo"), new PathStep.Field("cc"));
  }

  @Test
  void readsMultiKeyListComprehensionAndCidrForms() {
    All e = (All) Yaml.detection("""
        - Condition: Equals
          Values: [{Key: a}, {DeepKey: [b, c]}]
        - Key: items
          Condition: AnyElement
          Expressions: [{Key: x, Condition: Exists}]
        - Key: ip
          Condition: IsIPAddressInCIDR
          Value: 10.0.0.0/8
        """);
    assertThat(e.expressions().get(0)).isInstanceOf(MultiKey.class);
    assertThat(((ListComprehension) e.expressions().get(1)).element())
        .isEqualTo(new All(List.of(new Unary(new KeySpec.Key("x"), Condition.EXISTS))));
    assertThat(((KeyValues) e.expressions().get(2)).values()).containsExactly(Cidr.parse("10.0.0.0/8"));
  }

  @Test
  void acceptsTheNoOpInlineFilter() {
    assertThat(MatchParser.parse(Yaml.load("[{All: []}]"), true)).isEqualTo(new All(List.of(new All(List.of()))));
  }

  @Test
  void acceptsAnyWithKeyPathInInlineFilters() {
    MatchExpression e = MatchParser.parse(Yaml.load("[{Any: [{KeyPath: a.b, Condition: Exists}]}]"), true);
    assertThat(((All) e).expressions().get(0)).isInstanceOf(Any.class);
  }

  @Test
  void suggestsTheConditionMeant() {
    assertError("[{Any: [{Key: a, Condition: Exists}, {Key: b, Condition: Exists}, {Key: c, Condition: Equal, "
        + "Value: x}]}]", "Detection[0].Any[2]: unknown Condition 'Equal'; did you mean 'Equals'?");
  }

  @Test
  void suggestsTheCaseOfAConditionName() {
    assertError("[{Key: a, Condition: equals, Value: x}]",
        "Detection[0]: unknown Condition 'equals'; did you mean 'Equals'?");
  }

  @Test
  void listsTheConditionsWhenNothingIsClose() {
    assertThatThrownBy(() -> Yaml.detection("[{Key: a, Condition: Matches, Value: x}]"))
        .hasMessageStartingWith("Detection[0]: unknown Condition 'Matches'; expected one of Equals, DoesNotEqual,")
        .hasMessageContaining("IsIPAddressInCIDR");
  }

  @Test
  void suggestsAMisspelledKey() {
    assertError("[{Key: a, Condition: Equals, Vaule: x}]", "Detection[0]: unknown key 'Vaule'; did you mean 'Value'?");
  }

  @Test
  void requiresAList() {
    assertError("{Key: a, Condition: Exists}", "Detection: expected a list of match expressions, got a map");
  }

  @Test
  void requiresAMapPerExpression() {
    assertError("[action]", "Detection[0]: expected a match expression (a map with a key specifier and a Condition, "
        + "or one of All, Any, OnlyOne, None), got the text 'action'");
  }

  @Test
  void requiresACondition() {
    assertError("[{Key: a, Value: x}]", "Detection[0]: missing Condition (e.g. Condition: Equals)");
  }

  @Test
  void requiresAValueForComparisons() {
    assertError("[{Key: a, Condition: Equals}]", "Detection[0]: Condition Equals needs a Value");
  }

  @Test
  void pointsEqualsWithValuesToIsIn() {
    assertError("[{Key: a, Condition: Equals, Values: [x, y]}]",
        "Detection[0]: Condition Equals takes a single Value, not Values; to compare with a list of values use IsIn");
  }

  @Test
  void requiresValuesForIsIn() {
    assertError("[{Key: a, Condition: IsIn, Value: x}]", "Detection[0]: Condition IsIn takes Values (a list), not Value");
  }

  @Test
  void rejectsAValueOnUnaryConditions() {
    assertError("[{Key: a, Condition: Exists, Value: x}]", "Detection[0]: Condition Exists takes no Value or Values");
  }

  @Test
  void rejectsAListAsValue() {
    assertError("[{Key: a, Condition: Equals, Value: [x]}]",
        "Detection[0].Value: expected a string, number or boolean, got a list; "
            + "to compare with several values use IsIn with Values");
  }

  @Test
  void rejectsNullAsValue() {
    assertError("[{Key: a, Condition: Equals, Value: null}]", "Detection[0].Value: expected a string, number or "
        + "boolean, got nothing; to test for null use IsNull or IsNullOrEmpty");
  }

  @Test
  void rejectsTextForNumericConditions() {
    assertError("[{Key: a, Condition: IsGreaterThan, Value: ten}]",
        "Detection[0].Value: Condition IsGreaterThan compares numbers; the text 'ten' is not a number");
  }

  @Test
  void rejectsTwoKeySpecifiers() {
    assertError("[{Key: a, KeyPath: a.b, Condition: Exists}]",
        "Detection[0]: has both Key and KeyPath; use exactly one key specifier");
  }

  @Test
  void requiresAKeySpecifier() {
    assertError("[{Condition: Equals, Value: x}]",
        "Detection[0]: Condition Equals needs a key specifier: Key, DeepKey, KeyPath or Enrichment");
  }

  @Test
  void rejectsABadKeyPath() {
    assertError("[{KeyPath: 'a..b', Condition: Exists}]", "Detection[0].KeyPath: 'a..b' is not a key path: a name is "
        + "missing at position 2; write names separated by dots with optional [index] parts, e.g. a.b[0].c");
  }

  @Test
  void rejectsAKeyPathWildcard() {
    assertError("[{KeyPath: 'a[*].b', Condition: Exists}]", "Detection[0].KeyPath: 'a[*].b' is not a key path: "
        + "wildcards ([*]) are not supported; use a list comprehension such as AnyElement; write names separated by "
        + "dots with optional [index] parts, e.g. a.b[0].c");
  }

  @Test
  void rejectsABadDeepKeyStep() {
    assertError("[{DeepKey: [a, true], Condition: Exists}]",
        "Detection[0].DeepKey[1]: expected a field name or a list position (a whole number), got the boolean true");
  }

  @Test
  void requiresTwoKeysInAMultiKeyExpression() {
    assertError("[{Condition: StartsWith, Values: [{Key: a}, {Key: b}, {DeepKey: [c, d]}]}]",
        "Detection[0].Values: a multi-key expression compares exactly 2 keys, got 3");
  }

  @Test
  void requiresAComparisonInAMultiKeyExpression() {
    assertError("[{Condition: IsIn, Values: [{Key: a}, {Key: b}]}]", "Detection[0]: Condition IsIn cannot compare two "
        + "keys; a multi-key expression needs a comparison such as Equals, Contains, StartsWith or IsGreaterThan");
  }

  @Test
  void requiresExpressionsForListComprehensions() {
    assertError("[{Key: items, Condition: AnyElement}]", "Detection[0]: Condition AnyElement needs Expressions: "
        + "the match expressions each list element is tested with");
  }

  @Test
  void namesThePathInsideListComprehensions() {
    assertError("[{Key: items, Condition: AnyElement, Expressions: [{Key: x, Condition: Exist}]}]",
        "Detection[0].Expressions[0]: unknown Condition 'Exist'; did you mean 'Exists'?");
  }

  @Test
  void rejectsExpressionsOnOtherConditions() {
    assertError("[{Key: a, Condition: Equals, Value: x, Expressions: []}]", "Detection[0]: Expressions is only for "
        + "the list comprehension conditions AnyElement, AllElements, NoElement and OnlyOneElement, not Equals");
  }

  @Test
  void rejectsKeysOnAbsoluteConditions() {
    assertError("[{Key: a, Condition: AlwaysTrue}]",
        "Detection[0]: Condition AlwaysTrue takes no key specifier, Value, Values or Expressions");
  }

  @Test
  void rejectsTwoCombinatorsInOneItem() {
    assertError("[{All: [], Any: []}]", "Detection[0]: has both All and Any; put each combinator in its own list item");
  }

  @Test
  void rejectsACombinatorWithOtherKeys() {
    assertError("[{Any: [], Condition: Exists}]", "Detection[0]: a combinator (Any) takes no other keys, found "
        + "Condition; put the expression inside the Any list");
  }

  @Test
  void requiresAListUnderACombinator() {
    assertError("[{None: {Key: a, Condition: Exists}}]",
        "Detection[0].None: expected a list of match expressions, got a map");
  }

  @Test
  void rejectsABadCidr() {
    assertError("[{Key: ip, Condition: IsIPAddressInCIDR, Values: [10.0.0.0/8, 10.0.0.0/33]}]",
        "Detection[0].Values[1]: '10.0.0.0/33' is not a CIDR block: the prefix length is at most 32 "
            + "(e.g. 10.0.0.0/8 or 2001:db8::/32)");
  }

  @Test
  void rejectsAnIncompleteEnrichment() {
    assertError("[{Enrichment: {Table: t, Selector: s}, Condition: Exists}]",
        "Detection[0].Enrichment: missing FieldPath; an Enrichment names Table, Selector and FieldPath");
  }

  @Test
  void rejectsOnlyOneInInlineFilters() {
    assertThatThrownBy(() -> MatchParser.parse(Yaml.load("[{OnlyOne: []}]"), true))
        .hasMessage("InlineFilters[0]: InlineFilters allow only the All and Any combinators and Key, KeyPath or "
            + "Enrichment expressions; found OnlyOne");
  }

  @Test
  void rejectsDeepKeyInInlineFilters() {
    assertThatThrownBy(() -> MatchParser.parse(Yaml.load("[{Any: [{DeepKey: [a, b], Condition: Exists}]}]"), true))
        .hasMessage("InlineFilters[0].Any[0]: InlineFilters allow only the All and Any combinators and Key, KeyPath "
            + "or Enrichment expressions; found DeepKey");
  }

  @Test
  void rejectsMultiKeyInInlineFilters() {
    assertThatThrownBy(() -> MatchParser.parse(Yaml.load("[{Condition: Equals, Values: [{Key: a}, {Key: b}]}]"),
        true)).hasMessage("InlineFilters[0]: InlineFilters allow only the All and Any combinators and Key, KeyPath or "
            + "Enrichment expressions; found a multi-key expression");
  }

  @Test
  void rejectsAbsoluteConditionsInInlineFilters() {
    assertThatThrownBy(() -> MatchParser.parse(Yaml.load("[{Condition: AlwaysTrue}]"), true))
        .hasMessage("InlineFilters[0]: InlineFilters allow only the All and Any combinators and Key, KeyPath or "
            + "Enrichment expressions; found AlwaysTrue");
  }

  @Test
  void exposesPathAndProblemSeparately() {
    assertThatThrownBy(() -> Yaml.detection("[{Key: a, Condition: Equals}]"))
        .isInstanceOfSatisfying(MatchSyntaxException.class, e -> {
          assertThat(e.path()).isEqualTo("Detection[0]");
          assertThat(e.problem()).isEqualTo("Condition Equals needs a Value");
        });
  }

  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> Yaml.detection(yaml)).isInstanceOf(MatchSyntaxException.class).hasMessage(message);
  }
}
