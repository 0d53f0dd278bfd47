package dev.tarn.detect.python;

import dev.tarn.detect.pack.LoadProblem;
import java.util.List;
import java.util.Set;

/** Which detections a runtime imported, and why the others failed (one problem per detection, data model or global). */
public record LoadResult(Set<String> loaded, List<LoadProblem> problems) {}
