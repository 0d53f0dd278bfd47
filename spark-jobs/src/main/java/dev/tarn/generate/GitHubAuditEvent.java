package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One GitHub organization audit log event as the audit log API returns it: flat, keys in alphabetical order,
 * times in Unix milliseconds ({@code @timestamp}, {@code created_at}).
 */
final class GitHubAuditEvent {

  private GitHubAuditEvent() {}

  static Builder builder(Instant time, String action, Population.Person actor) {
    return new Builder(time, action, actor);
  }

  /** GitHub's numeric id for a login; stable for the same login. */
  static long githubId(String login) {
    return 1_000_000L + new SeedSource(0).forLabel("github:" + login).nextInt(90_000_000);
  }

  static String repository(String repo) {
    return Population.GITHUB_ORG + "/" + repo;
  }

  /** Builds one event; fields set later replace earlier ones of the same name. */
  static final class Builder {
    private final Instant time;
    private final Map<String, JsonNode> fields = new TreeMap<>();

    private Builder(Instant time, String action, Population.Person actor) {
      this.time = requireNonNull(time, "time is null");
      requireNonNull(action, "action is null");
      requireNonNull(actor, "actor is null");
      ObjectNode scratch = Json.object();
      scratch.put("@timestamp", time.toEpochMilli());
      scratch.put("action", action);
      scratch.put("actor", actor.githubLogin());
      scratch.put("actor_id", githubId(actor.githubLogin()));
      scratch.putObject("actor_location").put("country_code", actor.network().place().countryCode());
      scratch.put("business", Population.GITHUB_BUSINESS);
      scratch.put("business_id", 2481L);
      scratch.put("created_at", time.toEpochMilli());
      scratch.put("org", Population.GITHUB_ORG);
      scratch.put("org_id", 51234987L);
      scratch.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
    }

    Builder put(String key, String value) {
      fields.put(key, JsonNodeFactory.instance.textNode(requireNonNull(value, () -> key + " is null")));
      return this;
    }

    Builder put(String key, long value) {
      fields.put(key, JsonNodeFactory.instance.numberNode(value));
      return this;
    }

    Builder put(String key, boolean value) {
      fields.put(key, JsonNodeFactory.instance.booleanNode(value));
      return this;
    }

    /** The repository fields GitHub writes for repository events. */
    Builder repo(String repo, String visibility) {
      return put("repo", repository(repo)).put("repo_id", githubId("repo:" + repo))
          .put("visibility", visibility).put("public_repo", visibility.equals("public"));
    }

    /** The user an action was done to. */
    Builder user(Population.Person user) {
      return put("user", user.githubLogin()).put("user_id", githubId(user.githubLogin()));
    }

    ObjectNode build(SplittableRandom random) {
      fields.put("_document_id", JsonNodeFactory.instance.textNode(Ids.urlSafe(random, 22)));
      ObjectNode event = Json.object();
      fields.forEach(event::set);
      return event;
    }

    Instant time() {
      return time;
    }
  }
}
