package dev.tarn.parse.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.logschema.TextOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies the value options of a text parser ({@code trimSpace}, {@code emptyValues}, {@code expandFields}) while
 * the parser fills an event object.
 */
final class FieldShaper {
  private final boolean trimSpace;
  private final Set<String> emptyValues;
  private final List<Map.Entry<String, Template>> expansions;

  FieldShaper(TextOptions options) {
    this.trimSpace = options.trimSpace();
    this.emptyValues = Set.copyOf(options.emptyValues());
    // Sorted so that the outcome does not depend on map iteration order when one expansion feeds another.
    Map<String, Template> sorted = new TreeMap<>();
    options.expandFields().forEach((field, template) -> sorted.put(field, Template.parse(template)));
    this.expansions = List.copyOf(sorted.entrySet());
  }

  ObjectNode newEvent() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Sets {@code field} unless the value is empty or one of the placeholders that mean "no value". */
  void put(ObjectNode event, String field, String value) {
    if (field.isEmpty() || value == null) {
      return;
    }
    String shaped = trimSpace ? value.strip() : value;
    if (shaped.isEmpty() || emptyValues.contains(shaped)) {
      return;
    }
    event.put(field, shaped);
  }

  /** Adds the {@code expandFields}; a template that refers to a field the event lacks adds nothing. */
  void expand(ObjectNode event) {
    for (Map.Entry<String, Template> expansion : expansions) {
      String value = expansion.getValue().render(name -> textOf(event.get(name)));
      put(event, expansion.getKey(), value);
    }
  }

  private static String textOf(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.textValue();
  }
}
