package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.transform;

import org.apache.spark.sql.Column;
import scala.Function1;

/**
 * Binds a value to a lambda variable so a body can use it several times without copying its expression tree:
 * {@code element_at(transform(array(value), x -> body(x)), 1)}. Column trees are not shared, so an expression used n times at each
 * of k nesting levels would otherwise grow as n^k (and ship a huge task binary).
 */
final class Let {
  private Let() {}

  static Column bind(Column value, Function1<Column, Column> body) {
    // element_at rather than get/try_element_at: those are rewritten eagerly and fail on lambda variables.
    return element_at(transform(array(value), body), 1);
  }
}
