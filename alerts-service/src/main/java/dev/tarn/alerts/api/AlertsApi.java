package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.Delivery;
import dev.tarn.alerts.delivery.DeliveryStatus;
import dev.tarn.alerts.delivery.Outbox;
import dev.tarn.alerts.store.AlertQueries;
import dev.tarn.alerts.store.AlertQueries.Change;
import dev.tarn.alerts.store.AlertQueries.Cursor;
import dev.tarn.alerts.store.AlertQueries.Status;
import dev.tarn.alerts.store.AlertQueries.UpdateResult;
import dev.tarn.alerts.store.AlertRow;
import dev.tarn.alerts.store.DestinationStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Alert endpoints: list, get (with events, deliveries and audit trail), status/assignee changes, re-send. */
final class AlertsApi {
  static final int MAX_PAGE = 100;
  static final int DEFAULT_PAGE = 25;
  static final int MAX_BULK = 1000;
  private static final int MAX_ASSIGNEE = 200;

  private final AlertQueries alerts;
  private final AlertEvents events;
  private final Outbox outbox;
  private final DestinationStore destinations;
  private final Clock clock;
  private final ObjectMapper mapper;

  AlertsApi(AlertQueries alerts, AlertEvents events, Outbox outbox, DestinationStore destinations, Clock clock,
      ObjectMapper mapper) {
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.events = requireNonNull(events, "events is null");
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.destinations = requireNonNull(destinations, "destinations is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
  }

  void list(Context ctx) {
    Instant from = QueryParams.instantParam(ctx, "from");
    Instant to = QueryParams.instantParam(ctx, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw ApiException.badRequest("Invalid time range: from=" + from + " is not before to=" + to
          + " (from is inclusive, to exclusive)");
    }
    String cursor = QueryParams.textParam(ctx, "cursor");
    Cursor after;
    try {
      after = cursor == null ? null : Cursor.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    var filter = new AlertQueries.Filter(
        QueryParams.listParam(ctx, "status", Status::fromName),
        QueryParams.listParam(ctx, "severity", Severity::parse),
        QueryParams.textParam(ctx, "ruleId"),
        QueryParams.listParam(ctx, "type", AlertTypes::parse),
        from, to, after,
        QueryParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE),
        "true".equalsIgnoreCase(QueryParams.textParam(ctx, "belowThreshold")));
    AlertQueries.Page page = alerts.list(filter);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alerts", page.alerts().stream().map(a -> AlertView.of(a, mapper)).toList());
    body.put("nextCursor", page.next() == null ? null : page.next().encode());
    ctx.json(body);
  }

  void get(Context ctx) {
    AlertRow alert = find(ctx.pathParam("id"));
    int eventsLimit = QueryParams.intParam(ctx, "eventsLimit", DEFAULT_PAGE, 1, MAX_PAGE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alert", AlertView.of(alert, mapper));
    // A system error is about Tarn itself (a job, a source): it matched no log events, so it lists none.
    body.put("events", alert.type() == AlertType.SYSTEM_ERROR ? List.of() : events.events(alert.id(), eventsLimit));
    body.put("deliveries", outbox.forAlert(alert.id()).stream()
        .map(d -> DeliveryView.of(d, outbox.attempts(d.id()))).toList());
    body.put("audit", alerts.audit(alert.id()));
    ctx.json(body);
  }

  void update(Context ctx) {
    String id = ctx.pathParam("id");
    Change change = change(JsonBody.of(ctx, mapper));
    UpdateResult result = alerts.update(List.of(id), change, BearerAuth.caller(ctx).name(), clock.instant());
    if (!result.unknownIds().isEmpty()) {
      throw notFound(id);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("updated", result.updated());
    body.put("alert", AlertView.of(find(id), mapper));
    ctx.json(body);
  }

  void updateMany(Context ctx) {
    JsonBody body = JsonBody.of(ctx, mapper);
    List<String> ids = body.textList("alertIds");
    if (ids.isEmpty() || ids.size() > MAX_BULK) {
      throw ApiException.badRequest("Field 'alertIds' must list 1 to " + MAX_BULK + " alert ids (got " + ids.size()
          + "); split larger changes into several requests");
    }
    UpdateResult result = alerts.update(ids, change(body), BearerAuth.caller(ctx).name(), clock.instant());
    if (!result.unknownIds().isEmpty()) {
      throw new ApiException(404, "unknown_alerts", "No alerts with ids " + String.join(", ", result.unknownIds())
          + "; nothing was changed (remove those ids and send the request again)", result.unknownIds());
    }
    ctx.json(Map.of("updated", result.updated()));
  }

  /** Re-sends an alert to the given destinations now (Panther's deliverAlert), marked as a re-send. */
  void deliver(Context ctx) {
    AlertRow alert = find(ctx.pathParam("id"));
    List<String> ids = List.copyOf(new LinkedHashSet<>(JsonBody.of(ctx, mapper).textList("destinationIds")));
    if (ids.isEmpty()) {
      throw ApiException.badRequest("Field 'destinationIds' must list at least one destination id "
          + "(see GET /api/v1/destinations)");
    }
    List<String> unknown = ids.stream().filter(d -> destinations.get(d).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new ApiException(404, "unknown_destinations", "No destinations with ids " + String.join(", ", unknown)
          + "; nothing was re-sent (see GET /api/v1/destinations for the ids)", unknown);
    }
    List<String> sending = outbox.forAlert(alert.id()).stream()
        .filter(d -> d.status() == DeliveryStatus.SENDING && ids.contains(d.destinationId()))
        .map(Delivery::destinationId).toList();
    if (!sending.isEmpty()) {
      throw new ApiException(409, "delivery_in_progress", "Alert " + alert.id() + " is being sent to "
          + String.join(", ", sending) + " right now; nothing was re-sent (try again when that attempt has finished)",
          sending);
    }
    List<Long> deliveryIds = new ArrayList<>();
    for (String destinationId : ids) {
      try {
        deliveryIds.add(outbox.resend(alert.id(), destinationId));
      } catch (Outbox.InProgressException e) {
        // the send began between the check above and this call
        throw new ApiException(409, "delivery_in_progress", e.getMessage(), List.of(destinationId));
      }
    }
    ctx.status(202).json(Map.of("deliveryIds", deliveryIds));
  }

  private AlertRow find(String id) {
    return alerts.get(id).orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("No alert with id " + id + " (alert ids are the 32-character ids that "
        + "GET /api/v1/alerts returns)");
  }

  private static Change change(JsonBody body) {
    String statusText = body.text("status");
    Status status;
    try {
      status = statusText == null ? null : Status.fromName(statusText);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Field 'status': " + e.getMessage());
    }
    String assignee = body.text("assignee");
    if (assignee != null) {
      assignee = assignee.trim();
      if (assignee.length() > MAX_ASSIGNEE) {
        throw ApiException.badRequest("Field 'assignee' is " + assignee.length() + " characters long (at most "
            + MAX_ASSIGNEE + ")");
      }
    }
    // An empty or null assignee unassigns; an absent one leaves the assignee alone.
    Change change = new Change(status, body.has("assignee"), assignee == null || assignee.isEmpty() ? null : assignee);
    if (change.isEmpty()) {
      throw ApiException.badRequest("Nothing to change: send 'status' (OPEN, TRIAGED, CLOSED or RESOLVED) and/or "
          + "'assignee' (a name, or null to unassign)");
    }
    return change;
  }
}
