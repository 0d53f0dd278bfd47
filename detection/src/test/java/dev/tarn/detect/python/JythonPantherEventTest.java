package dev.tarn.detect.python;

class JythonPantherEventTest extends PantherEventContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }
}
