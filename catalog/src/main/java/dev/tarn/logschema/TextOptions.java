package dev.tarn.logschema;

import java.util.List;
import java.util.Map;

/**
 * Options shared by Panther's text parsers (csv, fastmatch, regex).
 *
 * @param skipPrefix lines starting with this prefix are comments (skipped, still counted); null = none
 * @param emptyValues values that mean "no value" (the field is dropped)
 * @param trimSpace trim surrounding white space of every value
 * @param expandFields new fields built from templates such as {@code "%{host}:%{port}"}
 * @param skipLines number of leading lines of each file to skip (fastmatch/regex)
 */
public record TextOptions(
    String skipPrefix, List<String> emptyValues, boolean trimSpace, Map<String, String> expandFields, int skipLines) implements java.io.Serializable {

  public static final TextOptions NONE = new TextOptions(null, List.of(), false, Map.of(), 0);

  public TextOptions {
    emptyValues = List.copyOf(emptyValues);
    expandFields = Map.copyOf(expandFields);
    if (skipLines < 0) {
      throw new IllegalArgumentException("Invalid skipLines: " + skipLines + " (must be >= 0)");
    }
  }
}
