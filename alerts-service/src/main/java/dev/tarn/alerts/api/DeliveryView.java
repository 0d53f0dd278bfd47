package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.Delivery;
import dev.tarn.alerts.delivery.DeliveryAttempt;
import dev.tarn.alerts.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.List;

/** An outbox row as the API shows it; {@code attempts} lists each try when the caller asked for them. */
record DeliveryView(
    long id,
    String alertId,
    String destinationId,
    DeliveryStatus status,
    int attemptCount,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    boolean resend,
    Instant createdAt,
    Instant updatedAt,
    Instant deliveredAt,
    List<AttemptView> attempts) {

  /** One try at sending (Panther's deliveryResponses entry). */
  record AttemptView(int attempt, Instant attemptedAt, boolean success, Integer statusCode, String error,
      long durationMs) {
    static AttemptView of(DeliveryAttempt a) {
      return new AttemptView(a.attempt(), a.attemptedAt(), a.success(), a.statusCode(), a.error(), a.durationMs());
    }
  }

  static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
    return new DeliveryView(d.id(), d.alertId(), d.destinationId(), d.status(), d.attempts(), d.nextAttemptAt(),
        d.lastStatusCode(), d.lastError(), d.resend(), d.createdAt(), d.updatedAt(), d.deliveredAt(),
        attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
  }
}
