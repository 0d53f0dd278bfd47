package dev.tarn.detect.python;

class JythonBatchSemanticsTest extends BatchSemanticsContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }
}
