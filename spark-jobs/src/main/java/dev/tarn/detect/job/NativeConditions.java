package dev.tarn.detect.job;

import dev.tarn.detect.pack.Detection;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StructType;

/** Compiles what can be decided without Python into Spark conditions over the event's original field names. */
interface NativeConditions {

  /**
   * A necessary condition for the Python rule to match (its InlineFilters and, where proven sound, a pre-filter derived
   * from its code), or empty when every event must be passed to Python.
   */
  Optional<Column> pythonCondition(Detection rule, StructType event);

  /** The full condition of a simple detection (InlineFilters and Detection). */
  Column simpleCondition(Detection rule, StructType event);

  /**
   * A membership test implied by the rule's necessary condition: the event's top-level text field {@code field} holds
   * one of {@code values} (e.g. {@code eventName in {...}}), or empty. Many rules' tests on one field fold into one
   * cheap hash-set filter that runs before the per-rule conditions.
   */
  Optional<Membership> membership(Detection rule, StructType event);

  /** {@code field} (an original top-level key, as PantherEvent finds it) is one of {@code values}. */
  record Membership(String field, java.util.Set<String> values) {}
}
