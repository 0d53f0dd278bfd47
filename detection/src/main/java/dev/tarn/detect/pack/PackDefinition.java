package dev.tarn.detect.pack;

import java.nio.file.Path;
import java.util.List;

/** A Panther {@code pack}: a named list of detection, data model, global and query ids. */
public record PackDefinition(String id, String displayName, String description, List<String> ids, Path file) {}
