package dev.tarn.ingest;

import java.io.Serializable;
import java.util.List;

/** One landed file to ingest, with its source and candidate log types. */
public record IngestFile(String path, long length, String sourceId, String sourceLabel, List<String> candidates)
    implements Serializable {

  public IngestFile {
    candidates = List.copyOf(candidates);
  }
}
