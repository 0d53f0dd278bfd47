package dev.tarn.alerts.delivery;

/**
 * Somewhere alerts go (Slack, PagerDuty, a webhook…). One implementation per destination type; each builds the
 * payload Panther sends and reports the outcome instead of throwing.
 *
 * <p>Some destinations hold a client with its own connections (SQS); close the destination when its configuration
 * changes or the service stops. The default close does nothing.
 */
public interface Destination extends AutoCloseable {
  DeliveryResult send(AlertNotification notification);

  @Override
  default void close() {}
}
