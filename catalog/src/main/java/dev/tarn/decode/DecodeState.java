package dev.tarn.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tarn.indicator.Indicators;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Per-thread scratch state of one event's decoding: its indicators and its event-time candidate. Reused for every
 * event of a task (reset between events) so that decoding millions of events allocates little besides the rows.
 */
public final class DecodeState {
  final Indicators indicators = new Indicators();
  long eventTimeMicros;
  int eventTimeRank;
  private final CharArrayWriter rawBuffer = new CharArrayWriter(256);
  private final JsonGenerator rawWriter;

  public DecodeState(JsonFactory factory) {
    try {
      rawWriter = factory.createGenerator(rawBuffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void reset() {
    indicators.clear();
    eventTimeRank = Integer.MAX_VALUE;
    eventTimeMicros = 0;
  }

  public Indicators indicators() {
    return indicators;
  }

  /** The event time chosen by Panther's rule (first event-time field in schema order), if any. */
  public boolean hasEventTime() {
    return eventTimeRank != Integer.MAX_VALUE;
  }

  public long eventTimeMicros() {
    return eventTimeMicros;
  }

  void offerEventTime(int rank, long micros) {
    if (rank < eventTimeRank) {
      eventTimeRank = rank;
      eventTimeMicros = micros;
    }
  }

  JsonGenerator beginRaw() {
    rawBuffer.reset();
    return rawWriter;
  }

  String endRaw() throws IOException {
    rawWriter.flush();
    return rawBuffer.toString();
  }
}
