package dev.tarn.detect.pack;

/** One thing wrong with one spec file; {@link PackLoader} turns it into a {@link LoadProblem}. */
final class SpecException extends RuntimeException {
  private final int line;

  SpecException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** 1-based, 0 when unknown. */
  int line() {
    return line;
  }
}
