package dev.tarn.maintain;

import java.time.Duration;
import java.util.List;

/**
 * What one maintain run does.
 *
 * @param tables {@code db.table} names to maintain; empty = every Delta table in Tarn's databases
 * @param dryRun plan only: nothing is committed, deleted or recorded
 * @param vacuumRetention VACUUM retention; null = the configured {@code maintain.vacuumRetention}
 * @param force allow a VACUUM retention below Delta's safety limit
 */
public record MaintainOptions(List<String> tables, boolean dryRun, Duration vacuumRetention, boolean force,
    boolean skipVacuum, boolean skipOptimize, boolean skipRetention) {
  public MaintainOptions {
    tables = List.copyOf(tables);
  }

  /** Everything, on every table, with the configured settings: what scheduled runs do. */
  public static MaintainOptions all() {
    return new MaintainOptions(List.of(), false, null, false, false, false, false);
  }

  public MaintainOptions onTables(List<String> value) {
    return new MaintainOptions(value, dryRun, vacuumRetention, force, skipVacuum, skipOptimize, skipRetention);
  }
}
