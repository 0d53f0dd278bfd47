package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationConfig;

/** Sends a test alert to a destination now, outside the outbox, and reports what happened. */
public interface DestinationTester {
  DeliveryResult sendTest(DestinationConfig config);
}
