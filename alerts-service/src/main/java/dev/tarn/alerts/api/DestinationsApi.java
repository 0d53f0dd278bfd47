package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.store.DestinationStore;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Destination endpoints. Request bodies carry every setting in one {@code settings} object; {@link DestinationRules}
 * decides which are secret, and those are sealed by the store and shown only as {@link DestinationView#REDACTED}.
 */
final class DestinationsApi {
  private static final int MAX_NAME = 200;

  private final DestinationStore store;
  private final DestinationRules rules;
  private final DestinationTester tester;
  private final ObjectMapper mapper;

  DestinationsApi(DestinationStore store, DestinationRules rules, DestinationTester tester, ObjectMapper mapper) {
    this.store = requireNonNull(store, "store is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.tester = requireNonNull(tester, "tester is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
  }

  void list(Context ctx) {
    ctx.json(Map.of("destinations", store.list().stream().map(DestinationView::of).toList()));
  }

  void get(Context ctx) {
    ctx.json(DestinationView.of(find(ctx.pathParam("id"))));
  }

  void create(Context ctx) {
    DestinationConfig config = read(JsonBody.of(ctx, mapper), UUID.randomUUID().toString(), null);
    try {
      store.create(config);
    } catch (IllegalArgumentException e) {
      throw nameTaken(config.name());
    }
    ctx.status(201).json(DestinationView.of(find(config.id())));
  }

  void replace(Context ctx) {
    DestinationStore.Stored stored = find(ctx.pathParam("id"));
    DestinationConfig config = read(JsonBody.of(ctx, mapper), stored.config().id(), stored.config());
    boolean updated;
    try {
      updated = store.update(config);
    } catch (IllegalArgumentException e) {
      throw nameTaken(config.name());
    }
    if (!updated) {
      throw notFound(config.id());
    }
    ctx.json(DestinationView.of(find(config.id())));
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!store.delete(id)) {
      throw notFound(id);
    }
    ctx.status(204);
  }

  /** Sends a test alert to the stored destination now, and reports the outcome (HTTP 200 either way). */
  void test(Context ctx) {
    DeliveryResult result = tester.sendTest(find(ctx.pathParam("id")).config());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", result.success());
    body.put("statusCode", result.statusCode());
    body.put("message", result.message());
    ctx.json(body);
  }

  /**
   * The configuration a request body describes. On PUT ({@code stored} non-null), a secret that is omitted or sent
   * as the redaction placeholder keeps its stored value; an empty string removes it.
   */
  private DestinationConfig read(JsonBody body, String id, DestinationConfig stored) {
    String name = body.requiredText("name");
    if (name.length() > MAX_NAME) {
      throw ApiException.badRequest("Field 'name' is " + name.length() + " characters long (at most " + MAX_NAME + ")");
    }
    DestinationType type;
    try {
      type = DestinationType.fromApiName(body.requiredText("type"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Field 'type': " + e.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, String> given = body.textMap("settings");
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (!rules.isSecret(type, key)) {
        settings.put(key, value);
      } else if (DestinationView.REDACTED.equals(value)) {
        String kept = stored == null ? null : stored.secrets().get(key);
        if (kept == null) {
          throw ApiException.badRequest("Field 'settings." + key + "' is the placeholder " + DestinationView.REDACTED
              + ", but no value is stored for it; send the real secret");
        }
        secrets.put(key, kept);
      } else if (!value.isEmpty()) {
        secrets.put(key, value);
      }
    }
    if (stored != null) {
      stored.secrets().forEach((key, value) -> {
        if (!given.containsKey(key) && rules.isSecret(type, key)) {
          secrets.put(key, value);
        }
      });
    }
    DestinationConfig config = new DestinationConfig(id, name, type, settings, secrets,
        listOf(body, "defaultSeverities", Severity::parse), listOf(body, "alertTypes", AlertTypes::parse),
        body.bool("allowPrivateNetwork", false));
    List<String> problems = rules.validate(type, config.settings(), config.secrets());
    if (!problems.isEmpty()) {
      throw new ApiException(400, "invalid_destination", "Destination '" + name + "' (" + type.apiName()
          + ") is not valid: " + String.join("; ", problems), problems);
    }
    return config;
  }

  private static <T> List<T> listOf(JsonBody body, String field, java.util.function.Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String item : body.textList(field)) {
      try {
        T value = parse.apply(item);
        if (!out.contains(value)) {
          out.add(value);
        }
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("Field '" + field + "': " + e.getMessage());
      }
    }
    return out;
  }

  private DestinationStore.Stored find(String id) {
    return store.get(id).orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("No destination with id " + id + " (see GET /api/v1/destinations for the ids)");
  }

  private static ApiException nameTaken(String name) {
    return new ApiException(409, "name_taken", "A destination named '" + name + "' already exists (choose another "
        + "name, or PUT /api/v1/destinations/{id} to change that one)", List.of());
  }
}
