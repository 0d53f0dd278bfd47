package dev.tarn.detect.pack;

import java.nio.file.Path;

/** A Panther global helper: importable by every detection as the top-level module named by its id. */
public record GlobalModule(String id, Path file, Path pythonFile, String pythonSource) {}
