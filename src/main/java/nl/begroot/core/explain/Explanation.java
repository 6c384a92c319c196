package nl.begroot.core.explain;

import java.util.List;
import nl.begroot.core.figures.Figure;

/**
 * The lineage of one figure: its value, how it was made, and the same for each figure it is made of.
 *
 * @param sign how this figure counts in its parent (+1 or -1; +1 at the root)
 * @param printed the figure as printed (thousands or euros), or null when it is not printed
 * @param how a sentence saying how the figure was made (a rule, or where an entered value comes from)
 * @param basis for a share (a member's part of a column, a column's part of the overhead): the
 *     explanation of the figure that was split; null otherwise
 */
public record Explanation(
    Figure figure, int sign, Long printed, boolean inThousands, String how, List<Explanation> parts, Explanation basis) {
  public Explanation {
    parts = List.copyOf(parts);
  }

  /** True when the figure is the signed sum of its parts (checked in tests for every node). */
  public boolean arithmeticHolds() {
    if (figure.isLeaf()) {
      return true;
    }
    long sum = 0;
    for (Explanation p : parts) {
      sum += p.sign() * p.figure().cents();
    }
    return sum == figure.cents() && parts.stream().allMatch(Explanation::arithmeticHolds);
  }
}
