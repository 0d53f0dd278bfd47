package dev.tarn.detect.python;

class JythonLimitsTest extends LimitsContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }
}
