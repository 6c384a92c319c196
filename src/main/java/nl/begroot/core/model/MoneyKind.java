package nl.begroot.core.model;

import java.util.Optional;

/**
 * Whose money a realised amount is, as the budget keeps it apart: the association's own money, money
 * it passes through for the members (kassiersfunctie, the Raming kassiersfunctie) and third-party
 * money (middelen van derden, e.g. LVVN via the provinciefonds).
 */
public enum MoneyKind {
  OWN("own"),
  PASS_THROUGH("pass-through"),
  THIRD_PARTY("third-party");

  private final String code;

  MoneyKind(String code) {
    this.code = code;
  }

  /** The one spelling in the file format, the CSV, the API and the database. */
  public String code() {
    return code;
  }

  public static Optional<MoneyKind> ofCode(String code) {
    for (MoneyKind k : values()) {
      if (k.code.equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
