package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code DynamicSeverities} entry: the severity to {@code ChangeTo} when its {@code Conditions} (a list of match
 * expressions that must all hold) match. The first matching entry wins.
 */
public record DynamicSeverity(Severity changeTo, MatchExpression conditions) {
  public DynamicSeverity {
    requireNonNull(changeTo, "changeTo is null");
    requireNonNull(conditions, "conditions is null");
  }

  /** Parses the raw YAML value of {@code DynamicSeverities:}; null gives an empty list. */
  public static List<DynamicSeverity> parseAll(Object yamlValue) {
    if (yamlValue == null) {
      return List.of();
    }
    String root = "DynamicSeverities";
    List<?> items = YamlNodes.list(yamlValue, root, "a list of {ChangeTo, Conditions} entries");
    List<DynamicSeverity> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = root + "[" + i + "]";
      Map<String, Object> m = YamlNodes.mapWithKeys(items.get(i), path, List.of("ChangeTo", "Conditions"),
          "each entry has");
      Object raw = m.get("ChangeTo");
      Severity severity = raw instanceof String s ? Severity.parse(s) : null;
      if (severity == null) {
        throw new MatchSyntaxException(path + ".ChangeTo", YamlNodes.describe(raw)
            + " is not a severity; expected one of Info, Low, Medium, High, Critical");
      }
      out.add(new DynamicSeverity(severity, MatchParser.parse(m.get("Conditions"), false, path + ".Conditions")));
    }
    return List.copyOf(out);
  }
}
