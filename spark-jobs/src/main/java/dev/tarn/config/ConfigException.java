package dev.tarn.config;

/** A configuration that cannot be used: says where (file or variable, key) and what is expected. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
