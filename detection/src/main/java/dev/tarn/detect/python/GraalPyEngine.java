package dev.tarn.detect.python;

import org.graalvm.polyglot.Engine;

/**
 * The one polyglot {@link Engine} of the JVM: contexts created on it share parsed code and warm-up, so only the first
 * GraalPy context pays the multi-second start. It uses Graal's JIT when the JVM provides one and runs interpreted
 * otherwise (stock JDK 17); the interpreter-only warning is silenced because that is the expected setup.
 */
public final class GraalPyEngine {

  private static volatile Engine shared;

  private GraalPyEngine() {}

  public static Engine shared() {
    Engine engine = shared;
    if (engine == null) {
      synchronized (GraalPyEngine.class) {
        engine = shared;
        if (engine == null) {
          engine = Engine.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build();
          shared = engine;
        }
      }
    }
    return engine;
  }
}
