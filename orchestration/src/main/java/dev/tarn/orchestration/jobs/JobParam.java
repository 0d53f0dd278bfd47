package dev.tarn.orchestration.jobs;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A value a parameterized job needs when it is triggered (a backfill's source, prefix and time range). In its job's
 * arguments it appears as {@code {{ params.NAME }}}, Airflow's template for a DAG param.
 *
 * @param name the param's name (also the {@code tarn airflow trigger} option {@code --NAME} and the DAG run conf key)
 * @param description what the value is, shown in Airflow's trigger form and in errors
 * @param example a valid value, used to check that the job's arguments parse
 */
public record JobParam(String name, String description, String example) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public JobParam {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    requireNonNull(example, "example is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid param name: " + name + " (expected lower-case letters, digits, _)");
    }
  }

  /** How the job's arguments refer to this param. */
  public String reference() {
    return reference(name);
  }

  static String reference(String name) {
    return "{{ params." + name + " }}";
  }
}
