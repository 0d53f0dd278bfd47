package dev.tarn.detect.prefilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Derives, from a Python rule's source, a condition every event it matches satisfies (see {@code
 * tarn_analysis/prefilter.py} for what is and is not used, and why it is sound). The result is a JSON tree of atoms
 * over event lookups ({@code {"op": "eq", "value": {"path": [...], "default": ..., "deep": false}, "literal": ...}},
 * {@code all}, {@code any}, {@code not}) or null when nothing sound can be derived.
 *
 * <p>The analysis runs Python's own {@code ast} module in a GraalPy context that has no access to anything but the
 * source text. Results are cached by source text. Thread-safe.
 */
public final class PrefilterAnalyzer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Context context;
  private final Value analyze;
  private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();

  public PrefilterAnalyzer(Engine engine) {
    Context.Builder builder = Context.newBuilder("python").option("python.ForceImportSite", "false");
    if (engine != null) {
      builder.engine(engine);
    } else {
      builder.option("engine.WarnInterpreterOnly", "false");
    }
    this.context = builder.build();
    try (InputStream in = PrefilterAnalyzer.class.getResourceAsStream("/tarn_analysis/prefilter.py")) {
      String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      context.eval(Source.newBuilder("python", code, "prefilter.py").buildLiteral());
      this.analyze = context.getBindings("python").getMember("analyze");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pre-filter analysis module", e);
    }
  }

  /** The derived condition, or null. */
  public JsonNode analyze(String pythonSource) {
    JsonNode result = cache.computeIfAbsent(pythonSource, src -> {
      String json;
      synchronized (context) {
        json = analyze.execute(src).asString();
      }
      try {
        return JSON.readTree(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return result.isNull() ? null : result;
  }

  @Override
  public void close() {
    context.close();
  }
}
