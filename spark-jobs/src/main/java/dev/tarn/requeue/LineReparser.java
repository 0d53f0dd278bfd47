package dev.tarn.requeue;

import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.ParserSpec;
import dev.tarn.logtypes.LogTypeRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Runs on executors: re-parses quarantined lines (sorted by file and line) with the ingest's own classifier, one
 * classifier per file as ingest has, and the row context ingest gave the file, so a line that now parses gets the
 * {@code p_row_id} it would have had. Emits the table rows and one outcome per line.
 */
final class LineReparser implements FlatMapFunction<Iterator<Row>, InternalRow> {
  private static final long serialVersionUID = 1L;
  /** Reasons this job writes for lines it cannot re-parse start with this; such lines keep their reason. */
  static final String CANNOT = "cannot re-parse";

  private final RequeueLayout layout;
  private final List<LogSchema> schemas;
  private final String onlyType;

  /** @param onlyType the one log type to try (--log-type), or null for each line's candidates */
  LineReparser(RequeueLayout layout, List<LogSchema> schemas, String onlyType) {
    this.layout = layout;
    this.schemas = List.copyOf(schemas);
    this.onlyType = onlyType;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<Row> lines) {
    Map<String, LogType> types = new HashMap<>();
    Map<String, LogSchema> bySchema = new HashMap<>();
    for (LogSchema schema : schemas) {
      types.put(schema.name(), LogTypeRegistry.compile(schema));
      bySchema.put(schema.name(), schema);
    }
    long parseTime = System.currentTimeMillis() * 1000;
    return new Iterator<>() {
      private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();
      private String classifierKey;
      private Classifier classifier;
      private RowContext context;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && lines.hasNext()) {
          reparse(lines.next());
        }
        return !pending.isEmpty();
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }

      private void reparse(Row q) {
        String sourceId = q.getAs("source_id");
        String file = q.getAs("file");
        long line = q.<Long>getAs("line");
        String raw = q.getAs("raw");
        Long rawLength = q.getAs("raw_length");
        String oldReason = q.getAs("reason");
        Boolean fileError = q.getAs("file_error");
        String recover = "; re-ingest the file with: tarn backfill --source " + sourceId + " --prefix '" + file
            + "' --force";
        if (Boolean.TRUE.equals(fileError) || raw == null) {
          outcome(q, RequeueLayout.NOT_REPARSABLE, keep(oldReason, CANNOT + ": the file could not be read ("
              + oldReason + "); fix or replace it" + recover), 0);
          return;
        }
        if (rawLength != null && rawLength > raw.length()) {
          outcome(q, RequeueLayout.NOT_REPARSABLE, keep(oldReason, CANNOT + ": quarantine kept only "
              + raw.length() + " of the line's " + rawLength + " characters" + recover), 0);
          return;
        }
        List<String> names = new ArrayList<>();
        List<String> perFile = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : onlyType != null ? List.of(onlyType) : q.<String>getList(q.fieldIndex("candidates"))) {
          if (!types.containsKey(name)) {
            missing.add(name);
          } else if (readsPerFile(bySchema.get(name).parser())) {
            perFile.add(name);
          } else {
            names.add(name);
          }
        }
        if (names.isEmpty()) {
          String why = !perFile.isEmpty()
              ? CANNOT + " line by line: " + String.join(", ", perFile)
                  + " reads a header or skips leading lines of each file" + recover
              : CANNOT + ": no candidate log type of this line exists any more (" + String.join(", ", missing)
                  + "); add it again (tarn logtypes add) and requeue";
          outcome(q, RequeueLayout.NOT_REPARSABLE, keep(oldReason, why), 0);
          return;
        }
        String key = sourceId + "\0" + file + "\0" + String.join(",", names);
        if (!key.equals(classifierKey)) {
          List<LogType> candidates = names.stream().map(types::get).toList();
          classifier = new Classifier(candidates);
          context = new RowContext(sourceId, q.getAs("source_label"), file, parseTime);
          classifierKey = key;
        }
        String record = raw.strip();
        classifier.classify(record, line, context);
        if (!classifier.accepted()) {
          outcome(q, RequeueLayout.FAILED, classifier.rejection(), 0);
        } else if (classifier.rows().isEmpty()) {
          outcome(q, RequeueLayout.SKIPPED, null, 0);
        } else {
          int kind = layout.tableKind(classifier.acceptedType().name());
          for (InternalRow row : classifier.rows()) {
            pending.add(wrap(kind, row));
          }
          outcome(q, RequeueLayout.REQUEUED, null, classifier.rows().size());
        }
      }

      private void outcome(Row q, String status, String reason, long events) {
        String old = q.getAs("reason");
        Object date = q.getAs("p_date");
        InternalRow o = new GenericInternalRow(new Object[] {
            utf8(q.getAs("source_id")), utf8(q.getAs("file")), q.<Long>getAs("line"),
            epochDay(date), utf8(status), utf8(reason), events,
            reason != null && !reason.equals(old)});
        pending.add(wrap(layout.outcomeKind(), o));
      }
    };
  }

  /** An explanation written by an earlier requeue stays as it is, so re-running changes nothing. */
  private static String keep(String oldReason, String reason) {
    return oldReason != null && oldReason.startsWith(CANNOT) ? oldReason : reason;
  }

  /** Parsers with state across the lines of a file: one line alone would be read as a header or skipped. */
  static boolean readsPerFile(ParserSpec parser) {
    if (parser instanceof ParserSpec.Csv csv) {
      return csv.hasHeader() || csv.options().skipLines() > 0;
    }
    if (parser instanceof ParserSpec.Fastmatch f) {
      return f.options().skipLines() > 0;
    }
    if (parser instanceof ParserSpec.Regex r) {
      return r.options().skipLines() > 0;
    }
    return false;
  }

  private InternalRow wrap(int kind, InternalRow row) {
    Object[] values = new Object[layout.width()];
    values[0] = kind;
    values[1 + kind] = row;
    return new GenericInternalRow(values);
  }

  /** The date as Spark stores it; a Row holds java.sql.Date, or LocalDate with Spark's java8API setting. */
  private static Integer epochDay(Object date) {
    if (date instanceof java.sql.Date d) {
      return (int) d.toLocalDate().toEpochDay();
    }
    return date == null ? null : (int) ((java.time.LocalDate) date).toEpochDay();
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }
}
