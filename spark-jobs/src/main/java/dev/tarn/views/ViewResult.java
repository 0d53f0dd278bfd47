package dev.tarn.views;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What rebuilding one union view did.
 *
 * @param built whether the view exists now (false: its database has no tables and the view is only made for
 *     databases with tables)
 * @param tables the tables it covers
 * @param coercions columns whose type differed between tables, and the type the view gives them
 * @param skipped tables left out because their schema could not be read (table → why), e.g. a registered table
 *     whose files are gone
 */
public record ViewResult(UnionView view, boolean built, List<String> tables, List<String> coercions,
    Map<String, String> skipped) {
  public ViewResult {
    requireNonNull(view, "view is null");
    tables = List.copyOf(tables);
    coercions = List.copyOf(coercions);
    skipped = Map.copyOf(skipped);
  }
}
