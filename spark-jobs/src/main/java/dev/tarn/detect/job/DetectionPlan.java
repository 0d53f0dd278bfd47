package dev.tarn.detect.job;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.tarn.detect.pack.Detection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which detections each event of a table must see, decided natively: a rule's InlineFilters, a simple detection's
 * whole match expression and a Python rule's derived pre-filter become Spark column expressions. Each row gets the ids
 * of the Python rules still to call and of the simple detections that matched; rows with neither are dropped before any
 * Python runs.
 */
final class DetectionPlan {
  static final String PYTHON_COLUMN = "_tarn_python";
  static final String SIMPLE_COLUMN = "_tarn_simple";
  private static final String RAW_PREFIX = "_tarn_raw_";

  private final List<Detection> python;
  private final List<Detection> simple;
  private final NativeConditions conditions;

  DetectionPlan(List<Detection> rules, NativeConditions conditions) {
    this.python = rules.stream().filter(d -> !d.isSimple()).toList();
    this.simple = rules.stream().filter(Detection::isSimple).toList();
    this.conditions = conditions;
  }

  boolean isEmpty() {
    return python.isEmpty() && simple.isEmpty();
  }

  /**
   * The table's rows (columns unchanged) followed by {@link #PYTHON_COLUMN} and {@link #SIMPLE_COLUMN}, only rows where
   * one of them is non-empty.
   */
  Dataset<Row> candidates(Dataset<Row> rows, EventShape shape) {
    String[] names = rows.columns();
    List<Column> staged = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      staged.add(rows.col("`" + names[i] + "`").as(RAW_PREFIX + i));
    }
    staged.addAll(shape.originalColumns(rows));
    StructType event = shape.originalNames();
    Map<Detection, Optional<Column>> pythonConditions = new HashMap<>();
    for (Detection d : python) {
      pythonConditions.put(d, conditions.pythonCondition(d, event));
    }
    Dataset<Row> wide = rows.select(staged.toArray(Column[]::new)).where(gate(event, pythonConditions));

    List<Column> pythonIds = new ArrayList<>();
    for (Detection d : python) {
      Optional<Column> c = pythonConditions.get(d);
      pythonIds.add(c.isEmpty() ? lit(d.id()) : when(c.get(), lit(d.id())));
    }
    List<Column> simpleIds = new ArrayList<>();
    for (Detection d : simple) {
      simpleIds.add(when(conditions.simpleCondition(d, event), lit(d.id())));
    }
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      out.add(col(RAW_PREFIX + i).as(names[i]));
    }
    out.add(ids(pythonIds).as(PYTHON_COLUMN));
    out.add(ids(simpleIds).as(SIMPLE_COLUMN));
    return wide.select(out.toArray(Column[]::new))
        .where(size(col(PYTHON_COLUMN)).gt(0).or(size(col(SIMPLE_COLUMN)).gt(0)));
  }

  /**
   * A cheap first filter, implied by every detection's condition: most rules test one field (eventName, say) for
   * membership, so one hash-set test on that field, or'ed with the conditions of the rules that do not, drops most
   * events before the per-rule conditions are evaluated.
   */
  private Column gate(StructType event, Map<Detection, Optional<Column>> pythonConditions) {
    Map<String, Set<String>> byField = new HashMap<>();
    Map<String, Integer> covered = new HashMap<>();
    Map<Detection, NativeConditions.Membership> memberships = new HashMap<>();
    for (Detection d : python) {
      conditions.membership(d, event).ifPresent(m -> {
        memberships.put(d, m);
        byField.computeIfAbsent(m.field(), k -> new TreeSet<>()).addAll(m.values());
        covered.merge(m.field(), 1, Integer::sum);
      });
    }
    if (covered.isEmpty() || !simple.isEmpty()) {
      return lit(true);
    }
    String field = covered.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Column gate = col("`" + field + "`").isin(byField.get(field).toArray());
    for (Detection d : python) {
      NativeConditions.Membership m = memberships.get(d);
      if (m == null || !m.field().equals(field)) {
        Optional<Column> c = pythonConditions.get(d);
        if (c.isEmpty()) {
          return lit(true);
        }
        gate = gate.or(c.get());
      }
    }
    return gate;
  }

  /** The simple detections whose native condition is only a pre-filter for this event shape. */
  java.util.Set<String> simpleCheckedInTasks(StructType event) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Detection d : simple) {
      if (!PackConditions.decidedNatively(d, event)) {
        out.add(d.id());
      }
    }
    return out;
  }

  private static Column ids(List<Column> ids) {
    if (ids.isEmpty()) {
      return array().cast(DataTypes.createArrayType(DataTypes.StringType));
    }
    return filter(array(ids.toArray(Column[]::new)), Column::isNotNull);
  }
}
