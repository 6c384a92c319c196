package nl.begroot.core.model;

import java.util.List;

/**
 * A budget proposal (begrotingsvoorstel): one line of a programme table, a change to the frame.
 *
 * <p>Most lines carry entered {@code amounts}. Three kinds are computed and carry none: a {@link
 * Rule#TRANSFER} line gets the sum of the transfer legs that name it, the {@link Rule#BALANCING}
 * line closes the budget, and the {@link Rule#PASS_THROUGH_CONTRIBUTION} line is the members'
 * contribution that moves with the items moved to the pass-through budget.
 */
public record Proposal(
    String id,
    List<String> units,
    String title,
    Side side,
    Nature nature,
    String category,
    List<String> products,
    Amounts amounts,
    Rule rule,
    boolean passThrough,
    List<String> passThroughItems,
    String thirdParty,
    String group,
    Breakdown breakdown,
    String explanation) {

  public Proposal {
    units = List.copyOf(units);
    products = List.copyOf(products);
    passThroughItems = List.copyOf(passThroughItems);
  }

  /** How a line gets its amounts. */
  public enum Rule {
    ENTERED,
    TRANSFER,
    BALANCING,
    PASS_THROUGH_CONTRIBUTION
  }

  public String unit() {
    return units.get(0);
  }

  /** The line's sign in a saldo (lasten minus baten): +1 for lasten, -1 for baten. */
  public int saldoSign() {
    return side == Side.LASTEN ? 1 : -1;
  }
}
