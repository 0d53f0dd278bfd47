package dev.tarn.detect.python;

import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;

import org.junit.jupiter.api.Test;

class GraalPyPantherEventTest extends PantherEventContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }

  /** Python 3 dicts keep the event's key order, so the first key in the event wins among case-insensitive matches. */
  @Test
  void caseInsensitiveCollisionsResolveToTheFirstKey() {
    assertPasses(runtime, "Event.ExactKeyFirst", "{\"Key\": \"upper\", \"key\": \"lower\"}", "Test.Log");
  }
}
