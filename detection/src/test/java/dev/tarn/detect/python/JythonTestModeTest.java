package dev.tarn.detect.python;

class JythonTestModeTest extends TestModeContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }
}
