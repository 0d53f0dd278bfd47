package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

/**
 * A notebook parameter, declared in a cell as Databricks SQL does ({@code CREATE WIDGET TEXT ip DEFAULT '1.2.3.4'})
 * and referenced in queries as a named parameter marker ({@code :ip}).
 */
public record Widget(String name, String defaultValue) {
  public Widget {
    requireNonNull(name, "name is null");
    requireNonNull(defaultValue, "defaultValue is null");
  }
}
