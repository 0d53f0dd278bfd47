package dev.tarn.parse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void splitsTextAroundPlaceholders() {
    Template template = Template.parse("[%{a}] %{b}");

    assertThat(template.literals()).containsExactly("[", "] ", "");
    assertThat(template.tags()).containsExactly("a", "b");
  }

  @Test
  void rendersValuesIntoTheText() {
    assertThat(Template.parse("%{host}:%{port}/x").render(Map.of("host", "h", "port", "1")::get))
        .isEqualTo("h:1/x");
  }

  @Test
  void rendersNothingWhenAValueIsMissing() {
    assertThat(Template.parse("%{host}:%{port}").render(Map.of("host", "h")::get)).isNull();
  }

  @Test
  void refusesAnUnterminatedPlaceholder() {
    assertThatThrownBy(() -> Template.parse("a %{b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unterminated placeholder at offset 2 in 'a %{b'");
  }

  @Test
  void keepsTextWithoutPlaceholdersWhole() {
    assertThat(Template.parse("100% sure").literals()).isEqualTo(List.of("100% sure"));
  }
}
