package dev.tarn.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The semantics table of README-match.md, row by row: each row is one expression (YAML flow style) over one shared
 * event and the result it must give.
 */
class MatchEvaluatorTest {
  static final Map<String, Object> EVENT = Yaml.event("""
      {"s": "Hello", "n": 5, "d": 1.5, "b": true, "flag": "True", "ns": "42", "big": 9007199254740993,
       "z": null, "e": "", "l": ["a", "B", 3], "o": {"k": "v"}, "eo": {}, "el": [], "nul": {"x": null},
       "ip": "10.1.2.3", "ip6": "2001:db8::1", "pub": "8.8.8.8", "mapped": "::ffff:8.8.8.8", "ll": "fe80::1",
       "lz": "010.0.0.1", "Mixed": "exact", "mixed": "lower", "UserName": "alice",
       "items": [{"name": "a", "ok": true}, {"name": "b", "ok": false}, {"name": "c", "ok": true}],
       "one": [{"name": "a", "ok": true}], "strings": ["x", "y"],
       "p_enrichment": {"ipinfo": {"ip": {"city": "Paris", "geo": {"cc": "FR"}}}},
       "left": "abc", "right": "ABC", "lo": 3, "hi": "10", "nested": {"list": [{"v": 1}, {"v": 2}]}}
      """);

  static Stream<Arguments> table() {
    return Stream.of(
        // Equality
        row("Equals matches equal text", "{Key: s, Condition: Equals, Value: Hello}", true),
        row("Equals is case-sensitive", "{Key: s, Condition: Equals, Value: hello}", false),
        row("IEquals ignores case", "{Key: s, Condition: IEquals, Value: hELLO}", true),
        row("IDoesNotEqual ignores case", "{Key: s, Condition: IDoesNotEqual, Value: hELLO}", false),
        row("Equals on a missing key is false", "{Key: absent, Condition: Equals, Value: x}", false),
        row("DoesNotEqual on a missing key is true", "{Key: absent, Condition: DoesNotEqual, Value: x}", true),
        row("Equals on null is false", "{Key: z, Condition: Equals, Value: x}", false),
        row("DoesNotEqual on null is true", "{Key: z, Condition: DoesNotEqual, Value: x}", true),
        row("Equals compares a number with numeric text", "{Key: n, Condition: Equals, Value: '5'}", true),
        row("Equals compares numbers by value", "{Key: n, Condition: Equals, Value: '5.0'}", true),
        row("Equals compares numeric text with a number", "{Key: ns, Condition: Equals, Value: 42}", true),
        row("Equals compares two texts as text", "{Key: ns, Condition: Equals, Value: '42.0'}", false),
        row("Equals compares an integer with a decimal", "{Key: n, Condition: Equals, Value: 5.0}", true),
        row("Equals compares large integers exactly", "{Key: big, Condition: Equals, Value: 9007199254740992}",
            false),
        row("Equals compares a boolean with true/false text in any case", "{Key: b, Condition: Equals, Value: TRUE}",
            true),
        row("Equals compares boolean text with a boolean", "{Key: flag, Condition: Equals, Value: true}", true),
        row("Equals never equates a boolean with a number", "{Key: b, Condition: Equals, Value: 1}", false),
        row("Equals on a list is false", "{Key: l, Condition: Equals, Value: a}", false),
        row("Equals on an object is false", "{Key: o, Condition: Equals, Value: v}", false),
        row("DoesNotEqual on an object is true", "{Key: o, Condition: DoesNotEqual, Value: v}", true),
        // Text
        row("Contains finds a substring", "{Key: s, Condition: Contains, Value: ell}", true),
        row("Contains is case-sensitive", "{Key: s, Condition: Contains, Value: ELL}", false),
        row("IContains ignores case", "{Key: s, Condition: IContains, Value: ELL}", true),
        row("Contains on a list is membership", "{Key: l, Condition: Contains, Value: a}", true),
        row("Contains on a list is not substring", "{Key: strings, Condition: Contains, Value: xy}", false),
        row("Contains on a list compares case-sensitively", "{Key: l, Condition: Contains, Value: b}", false),
        row("IContains on a list ignores case", "{Key: l, Condition: IContains, Value: b}", true),
        row("Contains on a list compares numbers by value", "{Key: l, Condition: Contains, Value: '3'}", true),
        row("Contains reads a number as its text", "{Key: n, Condition: Contains, Value: 5}", true),
        row("Contains on a missing key is false", "{Key: absent, Condition: Contains, Value: x}", false),
        row("DoesNotContain on a missing key is true", "{Key: absent, Condition: DoesNotContain, Value: x}", true),
        row("Contains on an object is false", "{Key: o, Condition: Contains, Value: k}", false),
        row("Has means Contains", "{Key: s, Condition: Has, Value: ell}", true),
        row("DoesNotHave means DoesNotContain", "{Key: s, Condition: DoesNotHave, Value: ell}", false),
        row("IDoesNotContain ignores case", "{Key: s, Condition: IDoesNotContain, Value: ELL}", false),
        row("StartsWith matches a prefix", "{Key: s, Condition: StartsWith, Value: He}", true),
        row("StartsWith is case-sensitive", "{Key: s, Condition: StartsWith, Value: he}", false),
        row("IStartsWith ignores case", "{Key: s, Condition: IStartsWith, Value: he}", true),
        row("DoesNotStartWith on a missing key is true", "{Key: absent, Condition: DoesNotStartWith, Value: x}",
            true),
        row("IDoesNotStartWith ignores case", "{Key: s, Condition: IDoesNotStartWith, Value: he}", false),
        row("StartsWith on a list is false", "{Key: strings, Condition: StartsWith, Value: x}", false),
        row("StartsWith reads a number as its text", "{Key: d, Condition: StartsWith, Value: '1.'}", true),
        row("EndsWith matches a suffix", "{Key: s, Condition: EndsWith, Value: llo}", true),
        row("IEndsWith ignores case", "{Key: s, Condition: IEndsWith, Value: LLO}", true),
        row("DoesNotEndWith on a missing key is true", "{Key: absent, Condition: DoesNotEndWith, Value: x}", true),
        row("IDoesNotEndWith ignores case", "{Key: s, Condition: IDoesNotEndWith, Value: LLO}", false),
        row("EndsWith reads a boolean as true/false", "{Key: b, Condition: EndsWith, Value: rue}", true),
        // Membership
        row("IsIn matches one of the Values", "{Key: s, Condition: IsIn, Values: [x, Hello]}", true),
        row("IsIn compares like Equals", "{Key: n, Condition: IsIn, Values: ['4', '5']}", true),
        row("IsIn on a missing key is false", "{Key: absent, Condition: IsIn, Values: [x]}", false),
        row("IsNotIn on a missing key is true", "{Key: absent, Condition: IsNotIn, Values: [x]}", true),
        row("IsIn on a list is false", "{Key: strings, Condition: IsIn, Values: [x]}", false),
        row("IsNotIn is the negation of IsIn", "{Key: s, Condition: IsNotIn, Values: [Hello]}", false),
        // Numbers
        row("IsGreaterThan compares numbers", "{Key: n, Condition: IsGreaterThan, Value: 4}", true),
        row("IsGreaterThan is strict", "{Key: n, Condition: IsGreaterThan, Value: 5}", false),
        row("IsGreaterThanOrEquals includes equality", "{Key: n, Condition: IsGreaterThanOrEquals, Value: 5}", true),
        row("IsGreaterThanOrEqualTo means IsGreaterThanOrEquals",
            "{Key: n, Condition: IsGreaterThanOrEqualTo, Value: 5}", true),
        row("IsLessThan compares decimals", "{Key: d, Condition: IsLessThan, Value: 2}", true),
        row("IsLessThanOrEquals includes equality", "{Key: d, Condition: IsLessThanOrEquals, Value: 1.5}", true),
        row("IsGreaterThan reads numeric text as a number", "{Key: ns, Condition: IsGreaterThan, Value: 41}", true),
        row("IsGreaterThan compares large integers exactly",
            "{Key: big, Condition: IsGreaterThan, Value: 9007199254740992}", true),
        row("IsGreaterThan on non-numeric text is false", "{Key: s, Condition: IsGreaterThan, Value: 1}", false),
        row("IsGreaterThan on a boolean is false", "{Key: b, Condition: IsGreaterThan, Value: 0}", false),
        row("IsLessThan on a missing key is false", "{Key: absent, Condition: IsLessThan, Value: 1}", false),
        // Existence, null and empty
        row("Exists on a value is true", "{Key: s, Condition: Exists}", true),
        row("Exists on a missing key is false", "{Key: absent, Condition: Exists}", false),
        row("Exists on null is false", "{Key: z, Condition: Exists}", false),
        row("Exists on an empty object is true", "{Key: eo, Condition: Exists}", true),
        row("DoesNotExist on null is true", "{Key: z, Condition: DoesNotExist}", true),
        row("IsNull on a missing key is true", "{Key: absent, Condition: IsNull}", true),
        row("IsNull on null is true", "{Key: z, Condition: IsNull}", true),
        row("IsNotNull on an empty string is true", "{Key: e, Condition: IsNotNull}", true),
        row("IsNullOrEmpty on an empty string is true", "{Key: e, Condition: IsNullOrEmpty}", true),
        row("IsNullOrEmpty on an empty list is true", "{Key: el, Condition: IsNullOrEmpty}", true),
        row("IsNullOrEmpty on an empty object is true", "{Key: eo, Condition: IsNullOrEmpty}", true),
        row("IsNullOrEmpty on an object of nulls is true", "{Key: nul, Condition: IsNullOrEmpty}", true),
        row("IsNullOrEmpty on a missing key is true", "{Key: absent, Condition: IsNullOrEmpty}", true),
        row("IsNullOrEmpty on text is false", "{Key: s, Condition: IsNullOrEmpty}", false),
        row("IsNullOrEmpty on a boolean is false", "{Key: b, Condition: IsNullOrEmpty}", false),
        row("IsNotNullOrEmpty on a list is true", "{Key: l, Condition: IsNotNullOrEmpty}", true),
        // IP addresses
        row("IsIPAddress accepts IPv4", "{Key: ip, Condition: IsIPAddress}", true),
        row("IsIPAddress accepts IPv6", "{Key: ip6, Condition: IsIPAddress}", true),
        row("IsIPAddress rejects other text", "{Key: s, Condition: IsIPAddress}", false),
        row("IsIPAddress rejects leading zeros", "{Key: lz, Condition: IsIPAddress}", false),
        row("IsIPAddress rejects numbers", "{Key: n, Condition: IsIPAddress}", false),
        row("IsIPAddressPrivate accepts RFC 1918", "{Key: ip, Condition: IsIPAddressPrivate}", true),
        row("IsIPAddressPrivate accepts IPv6 link-local", "{Key: ll, Condition: IsIPAddressPrivate}", true),
        row("IsIPAddressPrivate rejects public", "{Key: pub, Condition: IsIPAddressPrivate}", false),
        row("IsIPAddressPublic accepts public", "{Key: pub, Condition: IsIPAddressPublic}", true),
        row("IsIPAddressPublic judges IPv4-mapped by the IPv4 address", "{Key: mapped, Condition: IsIPAddressPublic}",
            true),
        row("IsIPAddressPublic rejects private", "{Key: ip, Condition: IsIPAddressPublic}", false),
        row("IsIPAddressPublic rejects non-addresses", "{Key: s, Condition: IsIPAddressPublic}", false),
        row("IsIPAddressPublic on a missing key is false", "{Key: absent, Condition: IsIPAddressPublic}", false),
        row("IsIPAddressInCIDR matches IPv4", "{Key: ip, Condition: IsIPAddressInCIDR, Value: 10.0.0.0/8}", true),
        row("IsIPAddressInCIDR rejects outside", "{Key: ip, Condition: IsIPAddressInCIDR, Value: 11.0.0.0/8}", false),
        row("IsIPAddressInCIDR matches IPv6", "{Key: ip6, Condition: IsIPAddressInCIDR, Value: '2001:db8::/32'}",
            true),
        row("IsIPAddressInCIDR matches IPv4 against an IPv4-mapped block",
            "{Key: ip, Condition: IsIPAddressInCIDR, Value: '::ffff:10.0.0.0/104'}", true),
        row("IsIPAddressInCIDR takes several blocks",
            "{Key: pub, Condition: IsIPAddressInCIDR, Values: [10.0.0.0/8, 8.8.0.0/16]}", true),
        row("IsIPAddressInCIDR on a non-address is false",
            "{Key: s, Condition: IsIPAddressInCIDR, Value: 0.0.0.0/0}", false),
        // Key specifiers
        row("Key falls back to a case-insensitive match", "{Key: username, Condition: Equals, Value: alice}", true),
        row("Key prefers the exact name", "{Key: mixed, Condition: Equals, Value: lower}", true),
        row("DeepKey follows names and positions", "{DeepKey: [items, 1, name], Condition: Equals, Value: b}", true),
        row("DeepKey counts negative positions from the end",
            "{DeepKey: [items, -1, name], Condition: Equals, Value: c}", true),
        row("DeepKey past the end is missing", "{DeepKey: [items, 9, name], Condition: Exists}", false),
        row("KeyPath follows dots and brackets", "{KeyPath: 'nested.list[1].v', Condition: Equals, Value: 2}", true),
        row("KeyPath accepts a JSONPath root", "{KeyPath: '$.o.k', Condition: Equals, Value: v}", true),
        row("KeyPath through a scalar is missing", "{KeyPath: s.x, Condition: DoesNotExist}", true),
        row("Enrichment reads under p_enrichment",
            "{Enrichment: {Table: ipinfo, Selector: ip, FieldPath: geo.cc}, Condition: Equals, Value: FR}", true),
        // Multi-key
        row("Multi-key compares two fields", "{Condition: IEquals, Values: [{Key: left}, {Key: right}]}", true),
        row("Multi-key with a missing field is false", "{Condition: Equals, Values: [{Key: left}, {Key: absent}]}",
            false),
        row("Negated multi-key with a missing field is true",
            "{Condition: DoesNotEqual, Values: [{Key: left}, {Key: absent}]}", true),
        row("Multi-key compares numbers and numeric text", "{Condition: IsLessThan, Values: [{Key: lo}, {Key: hi}]}",
            true),
        // List comprehension
        row("AnyElement evaluates keys per element",
            "{Key: items, Condition: AnyElement, Expressions: [{Key: name, Condition: Equals, Value: b}]}", true),
        row("AnyElement needs all Expressions on the same element", "{Key: items, Condition: AnyElement, "
            + "Expressions: [{Key: name, Condition: Equals, Value: b}, {Key: ok, Condition: Equals, Value: true}]}",
            false),
        row("AllElements requires every element",
            "{Key: items, Condition: AllElements, Expressions: [{Key: ok, Condition: Equals, Value: true}]}", false),
        row("AllElements on an empty list is true",
            "{Key: el, Condition: AllElements, Expressions: [{Key: ok, Condition: Equals, Value: true}]}", true),
        row("AllElements on a missing key is false",
            "{Key: absent, Condition: AllElements, Expressions: [{Condition: AlwaysTrue}]}", false),
        row("NoElement on a missing key is true",
            "{Key: absent, Condition: NoElement, Expressions: [{Condition: AlwaysTrue}]}", true),
        row("NoElement rejects a matching element",
            "{Key: items, Condition: NoElement, Expressions: [{Key: name, Condition: Equals, Value: a}]}", false),
        row("OnlyOneElement counts matching elements",
            "{Key: items, Condition: OnlyOneElement, Expressions: [{Key: ok, Condition: Equals, Value: false}]}",
            true),
        row("OnlyOneElement rejects two matches",
            "{Key: items, Condition: OnlyOneElement, Expressions: [{Key: ok, Condition: Equals, Value: true}]}",
            false),
        row("Element keys on scalar elements are missing",
            "{Key: strings, Condition: AnyElement, Expressions: [{Key: x, Condition: Exists}]}", false),
        row("AnyElement on an object is false",
            "{Key: o, Condition: AnyElement, Expressions: [{Condition: AlwaysTrue}]}", false),
        // Combinators and absolutes
        row("All of nothing is true", "{All: []}", true),
        row("Any of nothing is false", "{Any: []}", false),
        row("None of nothing is true", "{None: []}", true),
        row("OnlyOne needs exactly one", "{OnlyOne: [{Condition: AlwaysTrue}, {Condition: AlwaysFalse}]}", true),
        row("OnlyOne rejects two", "{OnlyOne: [{Condition: AlwaysTrue}, {Condition: AlwaysTrue}]}", false),
        row("None rejects a true expression", "{None: [{Condition: AlwaysFalse}, {Condition: AlwaysTrue}]}", false),
        row("AlwaysFalse is false", "{Condition: AlwaysFalse}", false));
  }

  private static Arguments row(String behaviour, String expression, boolean expected) {
    return Arguments.of(behaviour, expression, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void evaluatesTheSemanticsTable(String behaviour, String expression, boolean expected) {
    MatchExpression e = Yaml.detection("[" + expression + "]");
    assertThat(MatchEvaluator.matches(e, EVENT)).as(behaviour + ": " + expression).isEqualTo(expected);
  }
}
