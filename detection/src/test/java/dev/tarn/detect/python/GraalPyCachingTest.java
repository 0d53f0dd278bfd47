package dev.tarn.detect.python;

class GraalPyCachingTest extends CachingContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }
}
