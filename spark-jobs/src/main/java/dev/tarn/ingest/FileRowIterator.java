package dev.tarn.ingest;

import dev.tarn.lake.SystemTables;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.LogTypeReader;
import dev.tarn.classify.RowContext;
import dev.tarn.parse.RecordRejectedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Streams one file into layout rows: table rows for accepted records, quarantine rows for the rest, and finally one
 * summary row. Lines are read lazily and bounded in size, so memory does not grow with the file. A file that cannot
 * be read (bad gzip, invalid UTF-8, NUL bytes) gets a quarantine row for the rest of the file, with the reason.
 */
final class FileRowIterator implements Iterator<InternalRow> {
  /** CloudTrail's S3 object naming; such files are one {"Records": [...]} object, streamed element by element. */
  private static final Pattern CLOUDTRAIL_OBJECT =
      Pattern.compile("^\\d{12}_CloudTrail_[\\w-]+_\\d{8}T\\d{4}Z_\\w+\\.json(\\.gz)?$");
  private static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final IngestFile file;
  private final IngestLayout layout;
  private final RowRouting routing;
  private final Map<String, LogType> types;
  private final Configuration hadoop;
  private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();
  private final long startedMicros = System.currentTimeMillis() * 1000;
  private final RowContext context;
  private final Map<String, Long> events = new LinkedHashMap<>();
  private Classifier classifier;
  private InputStream stream;
  private BoundedLineReader lines;
  private JsonParser records;
  private LogTypeReader recordsReader;
  private long linesRead;
  private long linesWithEvents;
  private long linesQuarantined;
  private long linesSkipped;
  private String fileError;
  private boolean finished;

  FileRowIterator(IngestFile file, IngestLayout layout, RowRouting routing, Map<String, LogType> types,
      Configuration hadoop) {
    this.file = file;
    this.layout = layout;
    this.routing = routing;
    this.types = types;
    this.hadoop = hadoop;
    this.context = new RowContext(file.sourceId(), file.sourceLabel(), file.path(), startedMicros);
  }

  @Override
  public boolean hasNext() {
    try {
      while (pending.isEmpty() && !finished) {
        step();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write ingest side output for " + file.path(), e);
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

  private void step() throws IOException {
    try {
      if (classifier == null) {
        open();
        if (finished) {
          return;
        }
      }
      boolean more = records != null ? nextRecordElement() : nextLine();
      if (!more) {
        finish();
      }
    } catch (SideOutputException e) {
      throw e.getCause();
    } catch (CharacterCodingException e) {
      fail("invalid UTF-8 text after line " + linesRead + " (is this a binary file?); the rest of the file was not read");
    } catch (ZipException e) {
      fail("corrupt gzip data after line " + linesRead + ": " + e.getMessage() + "; the rest of the file was not read");
    } catch (IOException e) {
      fail("read error after line " + linesRead + ": " + e.getMessage() + "; the rest of the file was not read");
    }
  }

  private void open() throws IOException {
    List<LogType> candidates = new ArrayList<>();
    for (String name : file.candidates()) {
      candidates.add(types.get(name));
    }
    if (candidates.isEmpty()) {
      fail("no log type is configured for this file's location in source " + file.sourceId()
          + " (add logTypes or a matching prefixLogTypes entry)");
      return;
    }
    classifier = new Classifier(candidates);
    Path path = new Path(file.path());
    FileSystem fs = path.getFileSystem(hadoop);
    BufferedInputStream in = new BufferedInputStream(fs.open(path), 256 * 1024);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    stream = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    LogType cloudTrail = types.get("AWS.CloudTrail");
    if (cloudTrail != null && file.candidates().contains(cloudTrail.name())
        && CLOUDTRAIL_OBJECT.matcher(path.getName()).matches()) {
      openRecords(cloudTrail);
    } else {
      lines = new BoundedLineReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
          MAX_LINE_CHARS);
    }
  }

  private void openRecords(LogType cloudTrail) throws IOException {
    recordsReader = classifier.reader(cloudTrail);
    records = MAPPER.getFactory().createParser(stream);
    if (records.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("expected a CloudTrail {\"Records\": [...]} object");
    }
    while (records.nextToken() == JsonToken.FIELD_NAME) {
      String name = records.getCurrentName();
      if (records.nextToken() == JsonToken.START_ARRAY && "Records".equals(name)) {
        return;
      }
      records.skipChildren();
    }
    throw new IOException("expected a \"Records\" array in a CloudTrail object");
  }

  private boolean nextRecordElement() throws IOException {
    JsonToken t = records.nextToken();
    if (t == JsonToken.END_ARRAY || t == null) {
      return false;
    }
    linesRead++;
    JsonNode node = MAPPER.readTree(records);
    List<InternalRow> out = new ArrayList<>(1);
    try (JsonParser p = node.traverse()) {
      p.nextToken();
      out.add(recordsReader.decode(p, linesRead, 0, context, classifier.state()));
    } catch (RecordRejectedException e) {
      String raw = node.toString();
      quarantine(linesRead, raw, raw.length(), recordsReader.type().name() + ": " + e.getMessage(), false);
      linesQuarantined++;
      return true;
    }
    linesWithEvents++;
    emit(recordsReader.type(), out);
    return true;
  }

  private boolean nextLine() throws IOException {
    if (!lines.next()) {
      return false;
    }
    linesRead++;
    String line = lines.line();
    if (lines.oversize()) {
      quarantine(linesRead, line, lines.length(), "line longer than " + MAX_LINE_CHARS + " characters", false);
      linesQuarantined++;
      return true;
    }
    if (line.indexOf('\0') >= 0) {
      fileError = "NUL byte in line " + linesRead + " (is this a binary file?); the rest of the file was not read";
      quarantine(linesRead, null, lines.length(), fileError, true);
      linesQuarantined++;
      finish();
      return true;
    }
    String record = line.strip();
    if (record.isEmpty()) {
      linesSkipped++;
      return true;
    }
    classifier.classify(record, linesRead, context);
    if (!classifier.accepted()) {
      quarantine(linesRead, line, line.length(), classifier.rejection(), false);
      linesQuarantined++;
    } else if (classifier.rows().isEmpty()) {
      linesSkipped++;
    } else {
      linesWithEvents++;
      emit(classifier.acceptedType(), classifier.rows());
    }
    return true;
  }

  private void emit(LogType type, List<InternalRow> rows) {
    int kind = layout.tableKind(type.name());
    for (InternalRow row : rows) {
      routing.table(kind, row, pending);
    }
    events.merge(type.name(), (long) rows.size(), Long::sum);
  }

  private void quarantine(long line, String raw, long rawLength, String reason, boolean fileError) {
    long now = System.currentTimeMillis() * 1000;
    String kept = raw == null ? null
        : raw.length() > SystemTables.MAX_RAW_CHARS ? raw.substring(0, SystemTables.MAX_RAW_CHARS) : raw;
    Object[] candidates = file.candidates().stream().map(UTF8String::fromString).toArray();
    InternalRow q = new GenericInternalRow(new Object[] {
        utf8(file.sourceId()), utf8(file.sourceLabel()), utf8(file.path()), line, utf8(kept), rawLength,
        utf8(reason), new GenericArrayData(candidates), fileError, now, (int) Math.floorDiv(now, MICROS_PER_DAY)});
    try {
      routing.quarantine(q, pending);
    } catch (IOException e) {
      throw new SideOutputException(e);
    }
  }

  private void fail(String reason) {
    fileError = reason;
    quarantine(linesRead + 1, null, 0, reason, true);
    finish();
  }

  private void finish() {
    finished = true;
    close();
    Object[] keys = events.keySet().stream().map(UTF8String::fromString).toArray();
    Object[] counts = events.values().toArray();
    InternalRow summary = new GenericInternalRow(new Object[] {
        utf8(file.sourceId()), utf8(file.path()), file.length(), linesRead, linesWithEvents, linesQuarantined,
        linesSkipped, new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(counts)),
        utf8(fileError), startedMicros, System.currentTimeMillis() * 1000});
    try {
      routing.summary(summary, pending);
    } catch (IOException e) {
      throw new SideOutputException(e);
    }
  }

  private void close() {
    try {
      if (records != null) {
        records.close();
      }
      if (stream != null) {
        stream.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Failure to write side output: unlike a bad input file, this must fail the task, not be quarantined. */
  private static final class SideOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SideOutputException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }
}
