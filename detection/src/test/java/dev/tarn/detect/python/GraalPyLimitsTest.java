package dev.tarn.detect.python;

class GraalPyLimitsTest extends LimitsContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }
}
