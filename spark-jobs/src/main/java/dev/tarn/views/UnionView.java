package dev.tarn.views;

import static java.util.Objects.requireNonNull;

/**
 * A view over the {@code p_*} columns of every table of one database, as Panther's {@code panther_views} are.
 *
 * @param viewDatabase where the view lives ({@code panther_views})
 * @param viewName the view ({@code all_logs})
 * @param sourceDatabase the database whose tables it unions ({@code panther_logs}); also the value of p_db_name
 * @param whenEmpty whether a database without tables still gets a view (with the standard columns and no rows), so
 *     queries and notebooks over it work on a fresh lake, or gets none
 */
public record UnionView(String viewDatabase, String viewName, String sourceDatabase, boolean whenEmpty) {
  public UnionView {
    requireNonNull(viewDatabase, "viewDatabase is null");
    requireNonNull(viewName, "viewName is null");
    requireNonNull(sourceDatabase, "sourceDatabase is null");
  }

  public String qualifiedName() {
    return viewDatabase + "." + viewName;
  }
}
