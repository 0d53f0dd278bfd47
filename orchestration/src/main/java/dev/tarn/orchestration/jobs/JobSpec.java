package dev.tarn.orchestration.jobs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Tarn's batch jobs as orchestrators run it: the {@code tarn} arguments (what spark-submit passes to
 * {@code dev.tarn.cli.TarnCli}), when it runs and what a trigger must supply.
 *
 * @param id short id, also the job's file name in emr/ and databricks/ and its DAG id after {@code tarn_}
 * @param description one line for the DAG and job definitions
 * @param args the CLI arguments; a whole argument {@code {{ params.NAME }}} is replaced by a param's value
 * @param cron a 5-field cron schedule (UTC), or null for a job that runs only when triggered
 * @param params the values a trigger supplies, all required
 */
public record JobSpec(String id, String description, List<String> args, String cron, List<JobParam> params) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{ params\\.([a-z0-9_]+) }}");
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9*/,\\-]+");

  public JobSpec {
    requireNonNull(id, "id is null");
    requireNonNull(description, "description is null");
    args = List.copyOf(args);
    params = List.copyOf(params);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Invalid job id: " + id + " (expected lower-case letters, digits, _)");
    }
    if (args.isEmpty()) {
      throw new IllegalArgumentException("Job " + id + " has no arguments (the first is the tarn command)");
    }
    if (cron != null) {
      checkCron(id, cron);
    }
    Set<String> declared = new LinkedHashSet<>();
    params.forEach(p -> declared.add(p.name()));
    Set<String> used = new LinkedHashSet<>();
    for (String arg : args) {
      Matcher m = REFERENCE.matcher(arg);
      if (m.matches()) {
        used.add(m.group(1));
      } else if (arg.contains("{{")) {
        throw new IllegalArgumentException("Job " + id + ": argument " + arg + " must be a whole {{ params.NAME }}");
      }
    }
    if (!used.equals(declared)) {
      throw new IllegalArgumentException("Job " + id + ": params " + declared + " but its arguments use " + used);
    }
  }

  /** The Airflow DAG that runs this job. */
  public String dagId() {
    return "tarn_" + id;
  }

  /** The tarn command the job runs ({@code ingest}, {@code backfill}, ...). */
  public String command() {
    return args.get(0);
  }

  public Optional<String> schedule() {
    return Optional.ofNullable(cron);
  }

  public Optional<JobParam> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The arguments with each param reference replaced by {@code value.apply(param)}. */
  public List<String> args(Function<JobParam, String> value) {
    List<String> out = new ArrayList<>(args.size());
    for (String arg : args) {
      Matcher m = REFERENCE.matcher(arg);
      out.add(m.matches() ? value.apply(param(m.group(1)).orElseThrow()) : arg);
    }
    return List.copyOf(out);
  }

  /** The arguments with the params' example values, as a trigger with valid values would run them. */
  public List<String> exampleArgs() {
    return args(JobParam::example);
  }

  /** The arguments for the given values (a DAG run conf), after checking every param has one. */
  public List<String> args(Map<String, String> values) {
    for (JobParam p : params) {
      if (values.get(p.name()) == null || values.get(p.name()).isBlank()) {
        throw new IllegalArgumentException("Job " + id + " needs a value for " + p.name() + " (" + p.description() + ")");
      }
    }
    return args(p -> values.get(p.name()));
  }

  private static void checkCron(String id, String cron) {
    String[] fields = cron.trim().split("\\s+");
    boolean valid = fields.length == 5;
    for (int i = 0; valid && i < fields.length; i++) {
      valid = CRON_FIELD.matcher(fields[i]).matches();
    }
    // Quartz (Databricks) numbers weekdays differently; keeping day-of-week '*' keeps one schedule valid for both.
    if (!valid || !fields[4].equals("*")) {
      throw new IllegalArgumentException("Job " + id + ": schedule " + cron
          + " is not a 5-field cron with day-of-week '*' (minute hour day-of-month month *)");
    }
  }
}
