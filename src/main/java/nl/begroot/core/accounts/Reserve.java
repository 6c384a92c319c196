package nl.begroot.core.accounts;

/**
 * A reserve of the organisation with its movement in the year of the accounts: the balance at the
 * start ({@code opening}), what the appropriation of the result adds to it and withdraws from it, and
 * so the balance at the end. {@code column} is the annex column whose settlement the movement is
 * charged to (an addition is kept from the members of that column, a withdrawal given to them). What a reserve
 * must be is {@link ReserveRules}'s.
 */
public record Reserve(String id, String name, Kind kind, String column, long opening, long addition, long withdrawal) {

  /** General (algemene reserve) or earmarked (bestemmingsreserve). */
  public enum Kind {
    GENERAL("algemeen", "Algemene reserve"),
    EARMARKED("bestemming", "Bestemmingsreserve");

    private final String code;
    private final String dutch;

    Kind(String code, String dutch) {
      this.code = code;
      this.dutch = dutch;
    }

    public String code() {
      return code;
    }

    public String dutch() {
      return dutch;
    }

    /** The kind whose code is {@code code} ({@code algemeen}, {@code bestemming}), if any. */
    public static java.util.Optional<Kind> find(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }

    public static Kind ofCode(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown kind of reserve: " + code);
    }
  }

  /** The balance at the end of the year: opening + addition - withdrawal (exact). */
  public long closing() {
    return Math.subtractExact(Math.addExact(opening, addition), withdrawal);
  }
}
