package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.Severity;
import java.util.List;
import java.util.Map;

/**
 * A YAML-only detection, parsed: its {@code Detection} and {@code InlineFilters} expressions, {@code AlertTitle},
 * {@code AlertContext} and {@code DynamicSeverities}, evaluated over JSON-like Java events.
 *
 * @param title the AlertTitle template, or null when the detection has none (the title is then the display name)
 * @param severity the detection's {@code Severity}, used when no dynamic severity matches
 */
public record SimpleDetection(
    String id,
    MatchExpression detection,
    MatchExpression inlineFilters,
    AlertTitle title,
    AlertContext alertContext,
    List<DynamicSeverity> dynamicSeverities,
    Severity severity,
    String displayName) {

  private static final MatchExpression NO_FILTER = new MatchExpression.All(List.of());

  public SimpleDetection {
    requireNonNull(id, "id is null");
    requireNonNull(detection, "detection is null");
    requireNonNull(inlineFilters, "inlineFilters is null");
    requireNonNull(alertContext, "alertContext is null");
    dynamicSeverities = List.copyOf(dynamicSeverities);
    requireNonNull(severity, "severity is null");
    requireNonNull(displayName, "displayName is null");
  }

  /**
   * Parses the raw specs of a simple detection. Throws {@link MatchSyntaxException} (path inside the YAML, e.g.
   * {@code Detection[0].Condition}) for a spec written wrong, and {@link IllegalArgumentException} for a detection
   * that has Python code or no {@code Detection:}.
   */
  public static SimpleDetection of(Detection d) {
    requireNonNull(d, "detection is null");
    if (!d.isSimple() || d.detectionSpec() == null) {
      throw new IllegalArgumentException(d.id() + " is not a simple detection (it has no Detection: expressions)");
    }
    return new SimpleDetection(
        d.id(),
        MatchParser.parse(d.detectionSpec(), false),
        inlineFilters(d),
        d.alertTitle() == null ? null : AlertTitle.parse(d.alertTitle()),
        AlertContext.parse(d.alertContextSpec()),
        DynamicSeverity.parseAll(d.dynamicSeveritiesSpec()),
        d.severity(),
        d.displayName() == null ? d.id() : d.displayName());
  }

  /** Any detection's {@code InlineFilters} (Python rules have them too); an always-true expression when absent. */
  public static MatchExpression inlineFilters(Detection d) {
    return d.inlineFiltersSpec() == null ? NO_FILTER : MatchParser.parse(d.inlineFiltersSpec(), true);
  }

  /** Whether the event passes the inline filters and matches the detection. */
  public boolean matches(Map<String, ?> event) {
    return MatchEvaluator.matches(inlineFilters, event) && MatchEvaluator.matches(detection, event);
  }

  /** The alert title: the rendered AlertTitle, or the display name when there is none. */
  public String title(Map<String, ?> event) {
    return title == null ? displayName : title.render(event);
  }

  /** The alert context: KeyName → value (null when missing); empty when the detection has none. */
  public Map<String, Object> alertContext(Map<String, ?> event) {
    return alertContext.evaluate(event);
  }

  /** The first matching dynamic severity, else the detection's severity. */
  public Severity severity(Map<String, ?> event) {
    for (DynamicSeverity s : dynamicSeverities) {
      if (MatchEvaluator.matches(s.conditions(), event)) {
        return s.changeTo();
      }
    }
    return severity;
  }
}
