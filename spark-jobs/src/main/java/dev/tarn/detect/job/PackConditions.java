package dev.tarn.detect.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.detect.match.MatchExpression;
import dev.tarn.detect.match.SimpleDetection;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.prefilter.PrefilterAnalyzer;
import dev.tarn.detect.spark.MatchCompiler;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Native conditions for a pack's detections: InlineFilters and simple detections through {@link MatchCompiler}, and
 * Python rules' derived pre-filters through {@link PrefilterAnalyzer} and {@link PrefilterCompiler}.
 *
 * <p>{@code json}-typed fields are JSON text in the table but objects to detections, so an expression that reads one
 * cannot be decided natively: such a simple detection is then decided in the task by the Java evaluator (see
 * {@link #decidedNatively}), and such InlineFilters are left to Python's side (they are a pre-filter only).
 */
final class PackConditions implements NativeConditions {
  private static PrefilterAnalyzer analyzer;

  private final boolean derivePrefilters;

  PackConditions(boolean derivePrefilters) {
    this.derivePrefilters = derivePrefilters;
  }

  @Override
  public Optional<Column> pythonCondition(Detection rule, StructType event) {
    Optional<Column> filters = inlineFilters(rule, event);
    Optional<Column> derived = Optional.empty();
    if (derivePrefilters && rule.pythonSource() != null) {
      JsonNode condition = analyzer().analyze(rule.pythonSource());
      derived = new PrefilterCompiler(event).compile(condition);
    }
    if (filters.isPresent() && derived.isPresent()) {
      return Optional.of(filters.get().and(derived.get()));
    }
    return filters.isPresent() ? filters : derived;
  }

  @Override
  public Optional<Membership> membership(Detection rule, StructType event) {
    if (!derivePrefilters || rule.pythonSource() == null) {
      return Optional.empty();
    }
    return PrefilterCompiler.membership(analyzer().analyze(rule.pythonSource()), event);
  }

  @Override
  public Column simpleCondition(Detection rule, StructType event) {
    SimpleDetection simple = SimpleDetection.of(rule);
    Optional<Column> detection = exact(simple.detection(), event);
    Optional<Column> filters = exact(simple.inlineFilters(), event);
    if (detection.isEmpty() || filters.isEmpty()) {
      // Some part reads a json field: let every event through to the task's Java evaluator.
      return org.apache.spark.sql.functions.lit(true);
    }
    return detection.get().and(filters.get());
  }

  /** Whether {@link #simpleCondition} decides the detection by itself (else the task must evaluate it). */
  static boolean decidedNatively(Detection rule, StructType event) {
    SimpleDetection simple = SimpleDetection.of(rule);
    return exact(simple.detection(), event).isPresent() && exact(simple.inlineFilters(), event).isPresent();
  }

  private static Optional<Column> inlineFilters(Detection rule, StructType event) {
    if (rule.inlineFiltersSpec() == null) {
      return Optional.empty();
    }
    return exact(SimpleDetection.inlineFilters(rule), event);
  }

  /**
   * The compiled expression, or empty when it reads a json field: compiled once with and once without those fields,
   * an expression that does not read them compiles the same both ways.
   */
  private static Optional<Column> exact(MatchExpression expression, StructType event) {
    Column full = MatchCompiler.compile(expression, event);
    StructType withoutJson = withoutJsonFields(event);
    if (withoutJson.equals(event)) {
      return Optional.of(full);
    }
    Column reduced = MatchCompiler.compile(expression, withoutJson);
    return full.expr().semanticEquals(reduced.expr()) ? Optional.of(full) : Optional.empty();
  }

  private static StructType withoutJsonFields(StructType struct) {
    StructField[] kept = Arrays.stream(struct.fields())
        .filter(f -> !f.metadata().contains(EventShape.RAW_JSON_METADATA))
        .map(f -> f.dataType() instanceof StructType inner
            ? new StructField(f.name(), withoutJsonFields(inner), f.nullable(), f.metadata()) : f)
        .toArray(StructField[]::new);
    return new StructType(kept);
  }

  private static synchronized PrefilterAnalyzer analyzer() {
    if (analyzer == null) {
      analyzer = new PrefilterAnalyzer(dev.tarn.detect.python.GraalPyEngine.shared());
    }
    return analyzer;
  }
}
