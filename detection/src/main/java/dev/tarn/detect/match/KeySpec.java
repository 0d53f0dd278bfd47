package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a match expression reads its value: a top-level {@code Key}, a {@code DeepKey} list, a {@code KeyPath} string
 * or an {@code Enrichment} under {@code p_enrichment}. Every form comes down to a {@link #path()} of steps.
 */
public sealed interface KeySpec {

  /** The steps from the event (or list element) to the value; never empty. */
  List<PathStep> path();

  /** The specifier as a user wrote it, for messages. */
  String describe();

  /** {@code Key: name}: one top-level field, taken literally (dots are part of the name). */
  record Key(String name) implements KeySpec {
    public Key {
      requireNonNull(name, "name is null");
    }

    @Override
    public List<PathStep> path() {
      return List.of(new PathStep.Field(name));
    }

    @Override
    public String describe() {
      return "Key " + name;
    }
  }

  /** {@code DeepKey: [a, b, 0]}: names and list positions. */
  record DeepKey(List<PathStep> path) implements KeySpec {
    public DeepKey {
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("DeepKey needs at least one step");
      }
    }

    @Override
    public String describe() {
      return "DeepKey " + path;
    }
  }

  /** {@code KeyPath: a.b[0].c}. */
  record KeyPath(String text, List<PathStep> path) implements KeySpec {
    public KeyPath {
      requireNonNull(text, "text is null");
      path = List.copyOf(path);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static KeyPath parse(String text) {
      return new KeyPath(text, KeyPathSyntax.parse(text));
    }

    @Override
    public String describe() {
      return "KeyPath " + text;
    }
  }

  /**
   * {@code Enrichment: {Table, Selector, FieldPath}}: reads {@code p_enrichment.<Table>.<Selector>.<FieldPath>}. Table
   * and Selector are single names (a selector may itself contain dots); FieldPath is a key path.
   */
  record Enrichment(String table, String selector, String fieldPath, List<PathStep> path) implements KeySpec {
    public static final String ENRICHMENT_FIELD = "p_enrichment";

    public Enrichment {
      requireNonNull(table, "table is null");
      requireNonNull(selector, "selector is null");
      requireNonNull(fieldPath, "fieldPath is null");
      path = List.copyOf(path);
    }

    /** Builds the path; throws {@link IllegalArgumentException} when {@code fieldPath} is not a key path. */
    public static Enrichment of(String table, String selector, String fieldPath) {
      List<PathStep> steps = new ArrayList<>();
      steps.add(new PathStep.Field(ENRICHMENT_FIELD));
      steps.add(new PathStep.Field(table));
      steps.add(new PathStep.Field(selector));
      steps.addAll(KeyPathSyntax.parse(fieldPath));
      return new Enrichment(table, selector, fieldPath, steps);
    }

    @Override
    public String describe() {
      return "Enrichment " + table + "." + selector + "." + fieldPath;
    }
  }
}
