package dev.tarn.detect.pack;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code datamodel} specs. */
final class DataModelReader {
  private DataModelReader() {}

  static DataModel read(SpecFile spec) {
    SpecMap m = spec.root();
    m.allowOnly(SpecKeys.DATAMODEL, "a datamodel");
    String id = m.id("DataModelID");
    boolean enabled = m.bool("Enabled");
    List<String> logTypes = m.requiredStringList("LogTypes");
    if (logTypes.isEmpty()) {
      throw m.error("LogTypes", "LogTypes is empty; name the log types this data model maps");
    }
    m.optName("DisplayName");
    m.optInteger("BaseVersion");
    m.require("Mappings");
    List<DataModel.Mapping> mappings = new ArrayList<>();
    List<Node> items = m.sequence("Mappings");
    String firstMethod = null;
    for (int i = 0; i < items.size(); i++) {
      SpecMap mapping = SpecMap.of(items.get(i), "Mappings[" + i + "]", "Name and Path or Method");
      mapping.allowOnly(SpecKeys.MAPPING, "a data model mapping");
      String name = mapping.string("Name");
      String kind = mapping.exactlyOne("Path", "Method",
          "a mapping reads a field (Path) or calls a Python function of the data model's Filename (Method)");
      String target = mapping.string(kind);
      if (kind.equals("Method") && firstMethod == null) {
        firstMethod = mapping.name("Method");
        if (!m.has("Filename")) {
          throw mapping.error("Method", firstMethod + " '" + target + "' needs a Python file: add Filename with the"
              + " module that defines " + target + "(event)");
        }
      }
      mappings.add(kind.equals("Path") ? new DataModel.Mapping(name, target, null)
          : new DataModel.Mapping(name, null, target));
    }
    SpecFile.PythonFile python = m.has("Filename") ? spec.python(m, "Filename") : null;
    return new DataModel(id, enabled, logTypes, List.copyOf(mappings), spec.file(),
        python == null ? null : python.path(), python == null ? null : python.text());
  }
}
