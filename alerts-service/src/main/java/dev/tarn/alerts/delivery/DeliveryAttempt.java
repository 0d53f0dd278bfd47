package dev.tarn.alerts.delivery;

import java.time.Instant;

/** One try at sending a delivery, as recorded (Panther's deliveryResponses). */
public record DeliveryAttempt(
    long deliveryId,
    int attempt,
    Instant attemptedAt,
    boolean success,
    Integer statusCode,
    String error,
    long durationMs) {}
