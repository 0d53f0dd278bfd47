package dev.tarn.alerts.delivery;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Masks a destination's secret values in text that came from outside (responses, exception messages). */
public final class SecretMask {
  public static final String MASK = "***";

  private final List<String> secrets;

  private SecretMask(List<String> secrets) {
    this.secrets = secrets;
  }

  public static SecretMask of(DestinationConfig config) {
    // Longest first, so a secret that contains another is masked whole.
    return new SecretMask(config.secrets().values().stream()
        .filter(s -> s != null && !s.isBlank())
        .flatMap(s -> s.equals(s.strip()) ? Stream.of(s) : Stream.of(s, s.strip()))
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList());
  }

  /** The text with every secret value replaced by {@value #MASK}; null stays null. */
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
