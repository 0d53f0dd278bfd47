package dev.tarn.logschema.infer;

import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.ValueSchema;
import dev.tarn.logschema.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Marks one timestamp field {@code isEventTime}: the shallowest (a top-level field before one in a nested object;
 * never one inside an array, which may hold many), then one present in every sample, then the best-known name, then
 * the first seen.
 */
final class EventTimeChoice {
  /** Names that usually hold when an event happened, best first; compared ignoring case. */
  private static final List<String> PREFERRED = List.of("timestamp", "@timestamp", "eventtime", "event_time",
      "time", "published", "created_at", "createdat", "date", "ts");

  private EventTimeChoice() {}

  private record Candidate(List<String> path, boolean required, int order) {
    int depth() {
      return path.size();
    }

    int nameRank() {
      int rank = PREFERRED.indexOf(path.get(path.size() - 1).toLowerCase(Locale.ROOT));
      return rank < 0 ? PREFERRED.size() : rank;
    }
  }

  /** {@code fields} with the chosen timestamp marked, or unchanged when there is no timestamp. */
  static List<FieldSchema> mark(List<FieldSchema> fields) {
    List<Candidate> candidates = new ArrayList<>();
    collect(fields, List.of(), true, candidates);
    return candidates.stream()
        .min(Comparator.comparingInt(Candidate::depth)
            .thenComparing(c -> !c.required())
            .thenComparingInt(Candidate::nameRank)
            .thenComparingInt(Candidate::order))
        .map(c -> mark(fields, c.path()))
        .orElse(fields);
  }

  private static void collect(List<FieldSchema> fields, List<String> parent, boolean required, List<Candidate> out) {
    for (FieldSchema f : fields) {
      List<String> path = new ArrayList<>(parent);
      path.add(f.name());
      ValueSchema v = f.value();
      if (v.type() == ValueType.TIMESTAMP) {
        out.add(new Candidate(List.copyOf(path), required && f.required(), out.size()));
      } else if (v.type() == ValueType.OBJECT) {
        collect(v.fields(), path, required && f.required(), out);
      }
    }
  }

  private static List<FieldSchema> mark(List<FieldSchema> fields, List<String> path) {
    List<FieldSchema> marked = new ArrayList<>();
    for (FieldSchema f : fields) {
      if (!f.name().equals(path.get(0))) {
        marked.add(f);
        continue;
      }
      ValueSchema v = f.value();
      ValueSchema changed = path.size() == 1
          ? new ValueSchema(v.type(), v.fields(), v.element(), v.target(), v.indicators(), v.allow(), v.deny(),
              v.timeFormat(), true)
          : new ValueSchema(v.type(), mark(v.fields(), path.subList(1, path.size())), v.element(), v.target(),
              v.indicators(), v.allow(), v.deny(), v.timeFormat(), v.eventTime());
      marked.add(new FieldSchema(f.name(), f.description(), f.required(), changed));
    }
    return marked;
  }
}
