package dev.tarn.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTitleTest {
  static final Map<String, Object> EVENT = Yaml.event("""
      {"repo": "acme/app", "actor": {"login": "alice"}, "ips": ["1.2.3.4", "5.6.7.8"], "n": 3, "ok": false}
      """);

  @Test
  void fillsPlaceholdersFromTheEvent() {
    assertThat(AlertTitle.parse("Repository [{repo}] archived by {actor.login}").render(EVENT))
        .isEqualTo("Repository [acme/app] archived by alice");
  }

  @Test
  void rendersNumbersAndBooleansAsText() {
    assertThat(AlertTitle.parse("{n} / {ok}").render(EVENT)).isEqualTo("3 / false");
  }

  @Test
  void rendersListsAsJson() {
    assertThat(AlertTitle.parse("from {ips}").render(EVENT)).isEqualTo("from [\"1.2.3.4\",\"5.6.7.8\"]");
  }

  @Test
  void readsListPositionsInPlaceholders() {
    assertThat(AlertTitle.parse("from {ips[1]}").render(EVENT)).isEqualTo("from 5.6.7.8");
  }

  @Test
  void marksMissingFields() {
    assertThat(AlertTitle.parse("by {user}").render(EVENT)).isEqualTo("by <field not found>");
  }

  @Test
  void looksUpPlaceholdersIgnoringCase() {
    assertThat(AlertTitle.parse("{REPO}").render(EVENT)).isEqualTo("acme/app");
  }

  @Test
  void keepsUnpairedBracesAsText() {
    assertThat(AlertTitle.parse("a { b } c } {repo").render(EVENT)).isEqualTo("a <field not found> c } {repo");
  }

  @Test
  void keepsTextWithoutPlaceholders() {
    assertThat(AlertTitle.parse("Static title").render(EVENT)).isEqualTo("Static title");
  }

  @Test
  void rejectsAPlaceholderThatIsNotAKeyPath() {
    assertThatThrownBy(() -> AlertTitle.parse("x {a[0} y")).isInstanceOf(MatchSyntaxException.class)
        .hasMessage("AlertTitle: placeholder {a[0}: 'a[0' is not a key path: '[' at position 1 is not closed; "
            + "write names separated by dots with optional [index] parts, e.g. a.b[0].c");
  }
}
