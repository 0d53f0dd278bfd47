package dev.tarn.detect.python;

class GraalPyLoadProblemsTest extends LoadProblemsContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }
}
