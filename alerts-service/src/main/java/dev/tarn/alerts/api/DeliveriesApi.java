package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.delivery.Delivery;
import dev.tarn.alerts.delivery.DeliveryStatus;
import dev.tarn.alerts.delivery.Outbox;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Outbox endpoints: list deliveries (status=DEAD are the failed ones) and send dead letters again. */
final class DeliveriesApi {
  private final Outbox outbox;
  private final ObjectMapper mapper;

  DeliveriesApi(Outbox outbox, ObjectMapper mapper) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
  }

  /** Deliveries oldest first (by id), optionally in one status, a page at a time. */
  void list(Context ctx) {
    String statusText = QueryParams.textParam(ctx, "status");
    DeliveryStatus status = statusText == null ? null : status(statusText);
    String cursor = QueryParams.textParam(ctx, "cursor");
    Long after = cursor == null ? null : decodeCursor(cursor);
    int limit = QueryParams.intParam(ctx, "limit", AlertsApi.DEFAULT_PAGE, 1, AlertsApi.MAX_PAGE);
    // One more than asked tells whether another page follows.
    List<Delivery> rows = outbox.list(status, after, limit + 1);
    List<Delivery> page = rows.size() > limit ? rows.subList(0, limit) : rows;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliveries", page.stream().map(d -> DeliveryView.of(d, null)).toList());
    body.put("nextCursor", rows.size() > limit ? encodeCursor(page.get(page.size() - 1).id()) : null);
    ctx.json(body);
  }

  /** Sends one dead letter again with a fresh set of attempts. */
  void retry(Context ctx) {
    String idText = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw notFound(idText);
    }
    Delivery d = outbox.get(id).orElseThrow(() -> notFound(idText));
    if (d.status() != DeliveryStatus.DEAD) {
      throw ApiException.conflict("Delivery " + id + " is " + d.status() + ", not DEAD; only dead letters can be "
          + "retried (to send a delivered alert again, POST /api/v1/alerts/" + d.alertId() + "/deliver)");
    }
    // requeue only moves rows that are still DEAD, so a concurrent retry cannot queue it twice.
    ctx.json(Map.of("requeued", outbox.requeue(List.of(id))));
  }

  /** Sends every dead letter again, or only those of {@code destinationId}. */
  void retryAll(Context ctx) {
    String destinationId = JsonBody.of(ctx, mapper).text("destinationId");
    ctx.json(Map.of("requeued", outbox.requeueAllDead(destinationId == null || destinationId.isBlank()
        ? null : destinationId.trim())));
  }

  private static DeliveryStatus status(String text) {
    try {
      return DeliveryStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid query parameter status=" + text
          + " (expected one of PENDING, SENDING, DELIVERED, DEAD; DEAD lists the failed deliveries)");
    }
  }

  private static String encodeCursor(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodeCursor(String text) {
    try {
      return Long.parseLong(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid query parameter cursor=" + text
          + " (pass the nextCursor of a previous response unchanged)");
    }
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("No delivery with id " + id + " (see GET /api/v1/deliveries?status=DEAD)");
  }
}
