package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** One Okta System Log event as the System Log API returns it; shared by background traffic and scenarios. */
final class OktaEvent {
  static final DateTimeFormatter PUBLISHED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private OktaEvent() {}

  static Builder builder(Instant time, String eventType, String displayMessage) {
    return new Builder(time, eventType, displayMessage);
  }

  static ObjectNode user(Population.Person person) {
    ObjectNode actor = Json.object();
    actor.put("id", person.oktaId());
    actor.put("type", "User");
    actor.put("alternateId", person.email());
    actor.put("displayName", person.displayName());
    return actor;
  }

  /** A target entity ({@code AppInstance}, {@code UserGroup}, {@code PolicyRule}...) identified by name. */
  static ObjectNode entity(String type, String idPrefix, String name) {
    ObjectNode target = Json.object();
    target.put("id", idPrefix + Population.stableId("okta-" + type + ":" + name, 17, false));
    target.put("type", type);
    target.put("alternateId", name);
    target.put("displayName", name);
    return target;
  }

  /** Builds one event; the actor and the client's network are required, the rest has defaults. */
  static final class Builder {
    private final Instant time;
    private final String eventType;
    private final String displayMessage;
    private String severity = "INFO";
    private String legacyEventType;
    private ObjectNode actor;
    private Population.Network network;
    private Population.Browser browser;
    private String result = "SUCCESS";
    private String reason;
    private final ArrayNode targets = Json.array();
    private final ObjectNode debugData = Json.object();
    private String credentialType;

    private Builder(Instant time, String eventType, String displayMessage) {
      this.time = requireNonNull(time, "time is null");
      this.eventType = requireNonNull(eventType, "eventType is null");
      this.displayMessage = requireNonNull(displayMessage, "displayMessage is null");
    }

    Builder actor(ObjectNode actor) {
      this.actor = requireNonNull(actor, "actor is null");
      return this;
    }

    Builder client(Population.Network network, Population.Browser browser) {
      this.network = requireNonNull(network, "network is null");
      this.browser = requireNonNull(browser, "browser is null");
      return this;
    }

    Builder severity(String severity) {
      this.severity = requireNonNull(severity, "severity is null");
      return this;
    }

    Builder legacyEventType(String legacyEventType) {
      this.legacyEventType = requireNonNull(legacyEventType, "legacyEventType is null");
      return this;
    }

    Builder outcome(String result, String reason) {
      this.result = requireNonNull(result, "result is null");
      this.reason = reason;
      return this;
    }

    Builder target(ObjectNode target) {
      targets.add(requireNonNull(target, "target is null"));
      return this;
    }

    Builder debug(String key, String value) {
      debugData.put(key, value);
      return this;
    }

    Builder credentialType(String credentialType) {
      this.credentialType = requireNonNull(credentialType, "credentialType is null");
      return this;
    }

    ObjectNode build(SplittableRandom random) {
      if (actor == null || network == null) {
        throw new IllegalStateException("Okta event " + eventType + " needs an actor and a client");
      }
      String transactionId = Ids.alnum(random, 27);
      ObjectNode event = Json.object();
      event.put("uuid", Ids.uuid(random));
      event.put("published", PUBLISHED.format(time));
      event.put("eventType", eventType);
      event.put("version", "0");
      event.put("severity", severity);
      event.put("displayMessage", displayMessage);
      event.set("actor", actor);
      ObjectNode client = event.putObject("client");
      ObjectNode userAgent = client.putObject("userAgent");
      userAgent.put("rawUserAgent", browser.rawUserAgent());
      userAgent.put("os", browser.os());
      userAgent.put("browser", browser.browser());
      client.put("zone", "null");
      client.put("device", browser.device());
      client.putNull("id");
      client.put("ipAddress", network.ip());
      client.set("geographicalContext", geography(network.place()));
      ObjectNode outcome = event.putObject("outcome");
      outcome.put("result", result);
      if (reason == null) {
        outcome.putNull("reason");
      } else {
        outcome.put("reason", reason);
      }
      event.set("target", targets);
      ObjectNode transaction = event.putObject("transaction");
      transaction.put("type", "WEB");
      transaction.put("id", transactionId);
      transaction.putObject("detail");
      ObjectNode debug = Json.object();
      debug.put("requestId", transactionId);
      debug.setAll(debugData);
      event.putObject("debugContext").set("debugData", debug);
      ObjectNode authentication = event.putObject("authenticationContext");
      authentication.putNull("authenticationProvider");
      authentication.putNull("credentialProvider");
      if (credentialType == null) {
        authentication.putNull("credentialType");
      } else {
        authentication.put("credentialType", credentialType);
      }
      authentication.putNull("issuer");
      authentication.putNull("interface");
      authentication.put("authenticationStep", 0);
      authentication.put("externalSessionId", "102" + Population.stableId("okta-session:" + actor.path("id")
          .asText() + network.ip(), 22, false));
      ObjectNode security = event.putObject("securityContext");
      security.put("asNumber", network.asNumber());
      security.put("asOrg", network.asOrg());
      security.put("isp", network.isp());
      security.put("domain", network.domain());
      security.put("isProxy", network.proxy());
      if (legacyEventType == null) {
        event.putNull("legacyEventType");
      } else {
        event.put("legacyEventType", legacyEventType);
      }
      ObjectNode hop = event.putObject("request").putArray("ipChain").addObject();
      hop.put("ip", network.ip());
      hop.set("geographicalContext", geography(network.place()));
      hop.put("version", "V4");
      hop.putNull("source");
      return event;
    }

    private static ObjectNode geography(Population.Place place) {
      ObjectNode geography = Json.object();
      geography.put("city", place.city());
      geography.put("state", place.state());
      geography.put("country", place.country());
      geography.put("postalCode", place.postalCode());
      ObjectNode location = geography.putObject("geolocation");
      location.put("lat", place.lat());
      location.put("lon", place.lon());
      return geography;
    }
  }
}
