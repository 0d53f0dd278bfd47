package dev.tarn.alerts.delivery;

/**
 * Somewhere alerts go (Slack, PagerDuty, a webhook…). One implementation per destination type; each builds the
 * payload Panther sends and reports the outcome instead of throwing.
 */
public interface Destination {
  DeliveryResult send(AlertNotification notification);
}
