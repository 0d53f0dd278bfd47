package dev.tarn.alerts.delivery;

import java.time.Instant;

/** One outbox row: the delivery of one alert to one destination. */
public record Delivery(
    long id,
    String alertId,
    String destinationId,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    boolean resend,
    Instant createdAt,
    Instant updatedAt,
    Instant deliveredAt) {}
