package nl.begroot.core.model;

import java.util.List;

/**
 * A version of the budget in the P&C cycle (concept, adopted, mid-year report, accounts) with its
 * years. {@code frameTitle}, {@code proposalsTitle} and {@code newFrameTitle} head the sections I,
 * II and III of the programme tables.
 */
public record Version(
    String id,
    String title,
    Phase phase,
    int budgetYear,
    List<Integer> years,
    String frameTitle,
    String proposalsTitle,
    String newFrameTitle) {

  public Version {
    years = List.copyOf(years);
  }

  /** Phase of the P&C cycle. */
  public enum Phase {
    CONCEPT,
    ADOPTED,
    MID_YEAR,
    ACCOUNTS
  }

  public int yearIndex(int year) {
    return years.indexOf(year);
  }

  public int firstYear() {
    return years.get(0);
  }
}
