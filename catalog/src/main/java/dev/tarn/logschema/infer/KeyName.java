package dev.tarn.logschema.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a JSON key's name suggests about its values: its words ({@code actorIpAddress} → actor, ip, address). */
record KeyName(String name, List<String> words) {
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
  private static final Set<String> TIME_NAMES = Set.of("time", "timestamp", "ts", "created", "updated", "modified",
      "date", "datetime", "published", "epoch", "when");
  /** Durations and time-to-live values end in "time" too but are no instants. */
  private static final Set<String> NOT_TIME_WORDS = Set.of("uptime", "runtime", "lifetime", "ttl", "duration",
      "elapsed", "latency", "timeout");
  private static final Set<String> USER_WORDS = Set.of("user", "username", "actor", "login", "principal");
  private static final Set<String> HOST_WORDS = Set.of("domain", "host", "hostname", "fqdn");

  static KeyName of(String name) {
    List<String> words = new ArrayList<>();
    for (String word : WORD_BREAK.split(name)) {
      if (!word.isEmpty()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return new KeyName(name, List.copyOf(words));
  }

  private String last() {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  private boolean endsWith(String a, String b) {
    int n = words.size();
    return n >= 2 && words.get(n - 2).equals(a) && words.get(n - 1).equals(b);
  }

  /** time, timestamp, ts, created, date, *_at, *At, *Time, *_time, and the like. */
  boolean suggestsTime() {
    if (words.isEmpty() || words.stream().anyMatch(NOT_TIME_WORDS::contains)) {
      return false;
    }
    String last = last();
    return TIME_NAMES.contains(last) || last.equals("at") && words.size() > 1
        || last.endsWith("time") || last.endsWith("timestamp");
  }

  boolean suggestsIp() {
    return words.contains("ip") || words.contains("ipaddress") || words.contains("address") || words.contains("addr");
  }

  boolean suggestsAccount() {
    return words.stream().anyMatch(w -> w.contains("account"));
  }

  boolean suggestsUsername() {
    return USER_WORDS.contains(last()) || endsWith("user", "name");
  }

  boolean suggestsHostname() {
    return HOST_WORDS.contains(last()) || endsWith("host", "name") || endsWith("domain", "name");
  }

  boolean suggestsUrl() {
    return words.stream().anyMatch(w -> w.equals("url") || w.equals("uri") || w.endsWith("url"));
  }
}
