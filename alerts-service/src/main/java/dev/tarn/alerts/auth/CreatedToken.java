package dev.tarn.alerts.auth;

import static java.util.Objects.requireNonNull;

/** A token just created, with its text: the only moment the text is known to the service. */
public record CreatedToken(ApiToken token, String text) {
  public CreatedToken {
    requireNonNull(token, "token is null");
    requireNonNull(text, "text is null");
  }

  /** Never prints the text, so a stray log line cannot leak it. */
  @Override
  public String toString() {
    return "CreatedToken[token=" + token + ", text=********]";
  }
}
