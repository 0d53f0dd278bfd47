package dev.tarn.detect.python;

class GraalPyBatchSemanticsTest extends BatchSemanticsContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }
}
