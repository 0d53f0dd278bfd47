package dev.tarn.detect.python;

class JythonCachingTest extends CachingContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }
}
