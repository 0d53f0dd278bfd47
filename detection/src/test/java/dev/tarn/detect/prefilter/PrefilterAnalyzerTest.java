package dev.tarn.detect.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrefilterAnalyzerTest {
  private static PrefilterAnalyzer analyzer;

  @BeforeAll
  static void start() {
    analyzer = new PrefilterAnalyzer(null);
  }

  @AfterAll
  static void stop() {
    analyzer.close();
  }

  private static String derive(String source) {
    JsonNode node = analyzer.analyze(source);
    return node == null ? null : node.toString();
  }

  @Test
  void leadingGuardOnAFieldBecomesAnEquality() {
    assertThat(derive("""
        def rule(event):
            if event.get("eventName") != "ConsoleLogin":
                return False
            return True
        """)).isEqualTo("{\"op\":\"eq\",\"value\":{\"path\":[\"eventName\"],\"default\":null,\"deep\":false},"
            + "\"literal\":\"ConsoleLogin\"}");
  }

  @Test
  void conjunctsOfTheFinalReturnAreKeptAndOpaqueOnesDropped() {
    assertThat(derive("""
        NAMES = {"A", "B"}
        def rule(event):
            return event.get("eventName") in NAMES and helper(event)
        """)).isEqualTo("{\"op\":\"in\",\"value\":{\"path\":[\"eventName\"],\"default\":null,\"deep\":false},"
            + "\"literal\":[\"A\",\"B\"]}");
  }

  @Test
  void anOrGuardGivesEachKnownNegation() {
    assertThat(derive("""
        def rule(event):
            if event.get("eventSource") != "s3.amazonaws.com" or not helper(event):
                return False
            return True
        """)).contains("\"literal\":\"s3.amazonaws.com\"");
  }

  @Test
  void aGuardWithAnOpaqueConjunctCannotBeNegated() {
    assertThat(derive("""
        def rule(event):
            if event.get("a") == "x" and helper(event):
                return False
            return True
        """)).isNull();
  }

  @Test
  void aDisjunctionWithAnOpaquePartIsUnknown() {
    assertThat(derive("""
        def rule(event):
            return event.get("a") == "x" or helper(event)
        """)).isNull();
  }

  @Test
  void statementsAfterAnEarlyTrueReturnAreNotUsed() {
    assertThat(derive("""
        def rule(event):
            if helper(event):
                return True
            if event.get("a") != "x":
                return False
            return True
        """)).isNull();
  }

  @Test
  void aConstantThatIsMutatedIsNotAConstant() {
    assertThat(derive("""
        NAMES = ["A"]
        def title(event):
            NAMES.append("B")
            return "t"
        def rule(event):
            return event.get("eventName") in NAMES
        """)).isNull();
  }

  @Test
  void aLocalAliasOfALookupIsFollowed() {
    assertThat(derive("""
        def rule(event):
            name = event.get("eventName")
            return name == "X"
        """)).contains("\"path\":[\"eventName\"]");
  }

  @Test
  void dictConstantsGiveKeyMembership() {
    assertThat(derive("""
        EVENTS = {"AttachUserPolicy": "userName", "AttachRolePolicy": "roleName"}
        def rule(event):
            if event.get("eventName") not in EVENTS:
                return False
            return True
        """)).contains("[\"AttachRolePolicy\",\"AttachUserPolicy\"]");
  }

  @Test
  void anyOverAConstantOfFragmentsBecomesADisjunctionOfSubstrings() {
    assertThat(derive("""
        TOOLS = ["kali", "pacu"]
        def rule(event):
            agent = str(event.get("userAgent", "")).lower()
            return any(tool in agent for tool in TOOLS)
        """)).isEqualTo("{\"any\":[{\"op\":\"contains\",\"value\":{\"path\":[\"userAgent\"],\"default\":\"\","
            + "\"deep\":false,\"transforms\":[\"str\",\"lower\"]},\"literal\":\"kali\"},{\"op\":\"contains\","
            + "\"value\":{\"path\":[\"userAgent\"],\"default\":\"\",\"deep\":false,\"transforms\":[\"str\","
            + "\"lower\"]},\"literal\":\"pacu\"}]}");
  }

  @Test
  void aShadowedBuiltinIsNotTrusted() {
    assertThat(derive("""
        def str(value):
            return "x"
        def rule(event):
            return str(event.get("a")) == "y"
        """)).isNull();
  }

  @Test
  void aSyntaxErrorDerivesNothing() {
    assertThat(derive("def rule(event) return True")).isNull();
  }
}
