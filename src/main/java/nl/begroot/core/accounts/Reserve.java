package nl.begroot.core.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * A reserve of the organisation with its movement in the year of the accounts: the balance at the
 * start ({@code opening}), what the appropriation of the result adds to it and withdraws from it, and
 * so the balance at the end. {@code column} is the annex column whose settlement the movement is
 * charged to (an addition is kept from the members of that column, a withdrawal given to them).
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

  /** What is wrong with the reserve, in words (empty when it is fine). */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (addition < 0 || withdrawal < 0) {
      out.add(name + ": an addition and a withdrawal are not negative");
    }
    if (opening < 0) {
      out.add(name + ": a reserve does not start below zero");
    }
    if (addition >= 0 && withdrawal >= 0 && opening >= 0 && withdrawal > opening + addition) {
      out.add(name + ": the withdrawal is more than the reserve holds");
    }
    return out;
  }
}
