package dev.tarn.logschema.infer;

import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.ValueSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Writes a log schema in Panther's YAML format, keys in the order people write them (see logtypes/*.yml). */
final class SchemaYaml {
  private SchemaYaml() {}

  static String write(String name, String description, List<FieldSchema> fields) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema", name);
    doc.put("description", description);
    doc.put("version", 0);
    doc.put("fields", fields(fields));
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setWidth(120)
        .build();
    return new Dump(settings).dumpToString(doc);
  }

  private static List<Object> fields(List<FieldSchema> fields) {
    List<Object> out = new ArrayList<>();
    for (FieldSchema f : fields) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", f.name());
      if (f.description() != null) {
        map.put("description", f.description());
      }
      if (f.required()) {
        map.put("required", true);
      }
      map.putAll(value(f.value()));
      out.add(map);
    }
    return out;
  }

  private static Map<String, Object> value(ValueSchema v) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", v.type().schemaName());
    if (v.timeFormat() != null) {
      map.put("timeFormat", v.timeFormat());
    }
    if (v.eventTime()) {
      map.put("isEventTime", true);
    }
    if (!v.indicators().isEmpty()) {
      map.put("indicators", v.indicators());
    }
    switch (v.type()) {
      case OBJECT -> map.put("fields", fields(v.fields()));
      case ARRAY -> map.put("element", value(v.element()));
      default -> { }
    }
    return map;
  }
}
