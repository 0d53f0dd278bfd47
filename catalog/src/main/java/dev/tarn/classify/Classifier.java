package dev.tarn.classify;

import com.fasterxml.jackson.core.JsonFactory;
import dev.tarn.decode.DecodeState;
import dev.tarn.parse.RecordRejectedException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Picks, for each record of one file, the candidate log type that accepts it, with Panther's penalty queue: every
 * candidate starts at penalty 1, a candidate that accepts a record drops to 0 and one that rejects it gains 1, and
 * candidates are tried lowest penalty first. So the type that parsed the previous line is tried first, and types
 * that keep failing sink. Ties keep the order the candidates were configured in. One instance per file: the
 * candidates' parsers keep per-file state (headers).
 */
public final class Classifier {
  private final LogTypeReader[] readers;
  private final int[] penalty;
  private final Integer[] order;
  private final DecodeState state = new DecodeState(new JsonFactory());
  private final List<InternalRow> rows = new ArrayList<>();
  private final StringBuilder reasons = new StringBuilder();
  private int matched = -1;

  public Classifier(List<LogType> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("A classifier needs at least one candidate log type");
    }
    readers = new LogTypeReader[candidates.size()];
    penalty = new int[readers.length];
    order = new Integer[readers.length];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = candidates.get(i).newReader();
      penalty[i] = 1;
      order[i] = i;
    }
  }

  /**
   * Classifies one record. Afterwards either {@link #accepted()} holds and {@link #rows()} has its rows (possibly
   * none, for a header line), or {@link #rejection()} says why every candidate refused it.
   */
  public void classify(String record, long recordNumber, RowContext ctx) {
    rows.clear();
    reasons.setLength(0);
    matched = -1;
    boolean penaltiesChanged = false;
    for (Integer candidate : order) {
      try {
        readers[candidate].read(record, recordNumber, ctx, state, rows);
        matched = candidate;
        break;
      } catch (RecordRejectedException e) {
        penalty[candidate]++;
        penaltiesChanged = true;
        if (reasons.length() > 0) {
          reasons.append("; ");
        }
        reasons.append(readers[candidate].type().name()).append(": ").append(e.getMessage());
      }
    }
    if (matched >= 0 && penalty[matched] != 0) {
      penalty[matched] = 0;
      penaltiesChanged = true;
    }
    // The order depends only on the penalties: when the first candidate accepted again, it stands as it is.
    if (readers.length > 1 && penaltiesChanged) {
      java.util.Arrays.sort(order, (a, b) -> Integer.compare(penalty[a], penalty[b]));
    }
  }

  public boolean accepted() {
    return matched >= 0;
  }

  /** The log type that accepted the last record. */
  public LogType acceptedType() {
    return readers[matched].type();
  }

  /** Rows of the last accepted record (a reused list: copy what you keep). */
  public List<InternalRow> rows() {
    return rows;
  }

  /** Why each candidate rejected the last record, {@code "<LogType>: <reason>; ..."}. */
  public String rejection() {
    return reasons.toString();
  }

  /** The reader of one candidate, for formats read as whole files (CloudTrail S3 objects). */
  public LogTypeReader reader(LogType type) {
    for (LogTypeReader reader : readers) {
      if (reader.type() == type) {
        return reader;
      }
    }
    throw new IllegalArgumentException(type + " is not a candidate of this classifier");
  }

  public DecodeState state() {
    return state;
  }
}
