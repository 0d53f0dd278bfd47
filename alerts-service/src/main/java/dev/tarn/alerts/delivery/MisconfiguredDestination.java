package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

/**
 * Stands in for a destination whose stored configuration is invalid: every send fails permanently with what is
 * wrong, so the delivery dead-letters at once with a reason the user can act on instead of retrying for hours.
 */
public final class MisconfiguredDestination implements Destination {
  private final String message;

  public MisconfiguredDestination(DestinationConfig config, String problems) {
    requireNonNull(config, "config is null");
    requireNonNull(problems, "problems is null");
    this.message = "Destination '" + config.name() + "' (" + config.type().apiName() + ") is misconfigured: "
        + problems + ". Fix it with the destinations API, then re-send the dead letters.";
  }

  public String message() {
    return message;
  }

  @Override
  public DeliveryResult send(AlertNotification notification) {
    return DeliveryResult.permanent(null, message);
  }
}
