package dev.tarn.detect.pack;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything loaded from one or more detection directories, plus what could not be loaded. One bad file never stops the
 * others: it becomes a {@link LoadProblem} and is absent from the lists.
 */
public record DetectionPack(
    List<Detection> detections,
    List<DataModel> dataModels,
    List<GlobalModule> globals,
    List<QueryDefinition> queries,
    List<PackDefinition> packs,
    List<LoadProblem> problems) {

  public Detection detection(String id) {
    for (Detection d : detections) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    return null;
  }

  /** The enabled data model for a log type, or null. */
  public DataModel dataModelFor(String logType) {
    for (DataModel m : dataModels) {
      if (m.enabled() && m.logTypes().contains(logType)) {
        return m;
      }
    }
    return null;
  }

  /** Enabled streaming rules by log type. */
  public Map<String, List<Detection>> enabledRulesByLogType() {
    return detections.stream()
        .filter(d -> d.enabled() && d.type() == AnalysisType.RULE)
        .flatMap(d -> d.logTypes().stream().map(lt -> Map.entry(lt, d)))
        .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.TreeMap::new,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }
}
