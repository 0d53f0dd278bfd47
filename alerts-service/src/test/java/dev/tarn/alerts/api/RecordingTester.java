package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DestinationTester} for tests: answers with a set result and keeps the configurations it was given. */
final class RecordingTester implements DestinationTester {
  final List<DestinationConfig> tested = new CopyOnWriteArrayList<>();
  volatile DeliveryResult result = DeliveryResult.delivered(200);

  @Override
  public DeliveryResult sendTest(DestinationConfig config) {
    tested.add(config);
    return result;
  }
}
