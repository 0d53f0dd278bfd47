package dev.tarn.maintain;

/** A VACUUM retention below the table's safety limit, without --force: the user decides, not a retry. */
public final class VacuumRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public VacuumRefusedException(String message) {
    super(message);
  }
}
