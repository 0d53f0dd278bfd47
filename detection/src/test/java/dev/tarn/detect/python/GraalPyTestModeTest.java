package dev.tarn.detect.python;

class GraalPyTestModeTest extends TestModeContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }
}
