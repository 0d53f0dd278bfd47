package dev.tarn.orchestration.definitions;

/** Unix cron (Airflow) to Quartz cron (Databricks): Quartz adds a seconds field and wants '?' for day-of-week. */
final class QuartzCron {
  private QuartzCron() {}

  /** {@code "*}{@code /15 * * * *"} becomes {@code "0 *}{@code /15 * * * ?"}; JobSpec only admits day-of-week '*'. */
  static String of(String unixCron) {
    String[] f = unixCron.trim().split("\\s+");
    if (f.length != 5 || !f[4].equals("*")) {
      throw new IllegalArgumentException("Cannot convert cron " + unixCron + " (expected 5 fields, day-of-week *)");
    }
    return String.join(" ", "0", f[0], f[1], f[2], f[3], "?");
  }
}
