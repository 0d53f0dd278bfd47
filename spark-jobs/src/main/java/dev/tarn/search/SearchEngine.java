package dev.tarn.search;

import java.util.Locale;

/** Where {@link IndicatorSearch} runs. */
public enum SearchEngine {
  /** In this process when the pruned data files are at most {@link IndicatorSearch#LOCAL_LIMIT_BYTES}, else Spark. */
  AUTO,
  /**
   * Planned and read in this process with Delta Kernel ({@link LocalSearch}), however much there is to read; in a
   * running session, the few files of whole rows are read by Spark.
   */
  LOCAL,
  /** As Spark jobs, on the cluster when there is one. */
  SPARK;

  /** The name the command line uses: auto, local, spark. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }
}
