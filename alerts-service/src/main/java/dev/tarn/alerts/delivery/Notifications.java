package dev.tarn.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What every destination says about an alert, written once: the titles, Panther's generic notification JSON and the
 * detailed message (plain text for SNS email and Asana, markup for GitHub and Jira). Destinations only arrange these
 * pieces into their own payload shapes.
 */
public final class Notifications {
  /** The link text shown wherever a destination renders a link to the alert. */
  public static final String VIEW_IN_TARN = "View in Tarn";

  /** The two markups of the detailed message. */
  public enum Markup {
    /** GitHub-flavoured Markdown: {@code **bold**}, {@code [text](url)}. */
    MARKDOWN,
    /** Jira wiki markup, which Jira's REST API v2 renders in issue descriptions: {@code *bold*}, {@code [text|url]}. */
    JIRA
  }

  private Notifications() {}

  /**
   * The title a destination shows: "New Alert: …" for rules, "New rule error: …" for rule errors, "Policy Failure:
   * …" (with the policy's display name) for policies, "New system error: …" for Tarn's own alarms, and "[Re-sent]: …"
   * (with the alert's own title) when re-sent.
   */
  public static String title(AlertNotification n) {
    if (n.resend()) {
      return "[Re-sent]: " + n.title();
    }
    return switch (n.type()) {
      case RULE -> "New Alert: " + n.title();
      case RULE_ERROR -> "New rule error: " + n.title();
      case POLICY -> "Policy Failure: " + displayName(n);
      case SYSTEM_ERROR -> "New system error: " + n.title();
    };
  }

  /** The rule's (or policy's) display name, else its id. */
  public static String displayName(AlertNotification n) {
    return isBlank(n.name()) ? n.ruleId() : n.name();
  }

  /**
   * Panther's generic notification ({@code outputs/outputs.go}) plus Tarn's {@code eventCount} and {@code logTypes}.
   * Every key is always present (null when unknown) and lists are never null, as in Panther, so receivers can rely on
   * the shape.
   */
  public static ObjectNode generic(AlertNotification n) {
    ObjectNode o = PayloadJson.object();
    o.put("id", n.ruleId());
    o.put("createdAt", n.createdAt().toString());
    o.put("severity", n.severity());
    o.put("type", n.type().name());
    o.put("link", n.link());
    o.put("title", title(n));
    o.put("name", n.name());
    o.put("alertId", n.alertId());
    o.set("alertContext", alertContext(n));
    o.put("description", n.description());
    o.put("runbook", n.runbook());
    o.set("tags", PayloadJson.strings(n.tags()));
    o.put("version", n.version());
    o.put("eventCount", n.eventCount());
    o.set("logTypes", PayloadJson.strings(n.logTypes()));
    return o;
  }

  /** The alert context as JSON when its text parses, else the text itself (rules may emit anything), else null. */
  public static JsonNode alertContext(AlertNotification n) {
    if (isBlank(n.contextJson())) {
      return NullNode.getInstance();
    }
    try {
      return PayloadJson.parse(n.contextJson());
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(n.contextJson());
    }
  }

  /** The alert context as compact JSON text, or "" when there is none. */
  public static String alertContextText(AlertNotification n) {
    JsonNode context = alertContext(n);
    if (context.isNull()) {
      return "";
    }
    return context.isTextual() ? context.asText() : PayloadJson.text(context);
  }

  /**
   * Panther's detailed plain-text message (first line, link, severity, runbook, description) followed by what Tarn
   * adds: tags, event count and log types (for a system error: how often it fired), and the alert context. Used by SNS email subscribers and Asana notes.
   */
  public static String plainText(AlertNotification n) {
    StringBuilder s = new StringBuilder()
        .append(headline(n)).append('\n')
        .append("For more details please visit: ").append(orEmpty(n.link())).append('\n')
        .append("Severity: ").append(n.severity()).append('\n')
        .append("Runbook: ").append(orEmpty(n.runbook())).append('\n')
        .append("Description: ").append(orEmpty(n.description())).append('\n')
        .append("Tags: ").append(String.join(", ", n.tags())).append('\n')
        .append(eventsLabel(n)).append(' ').append(events(n));
    String context = alertContextText(n);
    if (!context.isEmpty()) {
      s.append('\n').append("Alert context: ").append(context);
    }
    return s.toString();
  }

  /** The detailed message as Markdown (GitHub issues) or Jira wiki markup (Jira issues). */
  public static String markup(AlertNotification n, Markup markup) {
    StringBuilder s = new StringBuilder()
        .append(bold("Description:", markup)).append(' ').append(orEmpty(n.description())).append('\n');
    if (!isBlank(n.link())) {
      s.append(link(n.link(), markup)).append('\n');
    }
    s.append(bold("Runbook:", markup)).append(' ').append(orEmpty(n.runbook())).append('\n')
        .append(bold("Severity:", markup)).append(' ').append(n.severity()).append('\n')
        .append(bold("Tags:", markup)).append(' ').append(String.join(", ", n.tags())).append('\n')
        .append(bold(eventsLabel(n), markup)).append(' ').append(events(n));
    JsonNode context = alertContext(n);
    if (!context.isNull()) {
      String body = context.isTextual() ? context.asText() : PayloadJson.prettyText(context);
      s.append('\n').append(bold("Alert context:", markup)).append('\n');
      if (markup == Markup.MARKDOWN) {
        s.append("```json\n").append(body).append("\n```");
      } else {
        s.append("{code:json}\n").append(body).append("\n{code}");
      }
    }
    return s.toString();
  }

  private static String headline(AlertNotification n) {
    return switch (n.type()) {
      case RULE -> displayName(n) + " triggered";
      case RULE_ERROR -> displayName(n) + " raised an error";
      case POLICY -> displayName(n) + " failed on new resources";
      case SYSTEM_ERROR -> "Tarn alarm " + displayName(n) + " fired";
    };
  }

  /** "Events" for detections; a system error has none, so its count is how often the alarm fired in the window. */
  private static String eventsLabel(AlertNotification n) {
    return n.type() == AlertType.SYSTEM_ERROR ? "Occurrences:" : "Events:";
  }

  private static String events(AlertNotification n) {
    return n.logTypes().isEmpty()
        ? String.valueOf(n.eventCount())
        : n.eventCount() + " (" + String.join(", ", n.logTypes()) + ")";
  }

  private static String bold(String text, Markup markup) {
    return markup == Markup.MARKDOWN ? "**" + text + "**" : "*" + text + "*";
  }

  private static String link(String url, Markup markup) {
    return markup == Markup.MARKDOWN ? "[" + VIEW_IN_TARN + "](" + url + ")" : "[" + VIEW_IN_TARN + "|" + url + "]";
  }

  /** Cuts text to at most {@code max} characters, ending in an ellipsis when cut. */
  public static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** The text, or "" for null. */
  public static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Null or only whitespace. */
  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
