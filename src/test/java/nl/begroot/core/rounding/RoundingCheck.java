package nl.begroot.core.rounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;

/**
 * Checks a printed rounding on its own, from the figure graph and the exact cents, without the
 * rounding's code (decision 224): every printed figure is its exact value rounded down or up, every
 * printed total is the sum of its printed parts (so every table foots), figures that must be equal
 * print equal; and its cost by the rounding's order of preference, counted here.
 */
final class RoundingCheck {
  private RoundingCheck() {}

  static void footing(Document document, Map<String, Long> printed, long unit, boolean equalities, String what) {
    FigureGraph graph = document.graph();
    List<String> wrong = new ArrayList<>();
    int sums = 0;
    for (Map.Entry<String, Long> e : printed.entrySet()) {
      Figure f = graph.get(e.getKey());
      long p = e.getValue();
      if (p != Math.floorDiv(f.cents(), unit) && p != -Math.floorDiv(-f.cents(), unit)) {
        wrong.add(e.getKey() + " prints " + p + " for " + f.cents() + " cents");
      }
      if (!f.isLeaf()) {
        Long parts = partsSum(graph, f, printed, 0);
        if (parts != null) {
          sums++;
          if (parts != p) {
            wrong.add(e.getKey() + " prints " + p + ", its parts add up to " + parts);
          }
        }
      }
    }
    int equal = 0;
    if (equalities) {
      for (String[] pair : graph.equalities()) {
        if (printed.containsKey(pair[0]) && printed.containsKey(pair[1])) {
          equal++;
          if (!printed.get(pair[0]).equals(printed.get(pair[1]))) {
            wrong.add(pair[0] + " = " + pair[1] + " prints " + printed.get(pair[0]) + " and " + printed.get(pair[1]));
          }
        }
      }
      assertThat(equal).as(what + ": equalities checked").isPositive();
    }
    assertThat(wrong).as(what).isEmpty();
    if (equalities) {
      assertThat(sums).as(what + ": totals checked against their parts").isPositive();
    }
  }

  /**
   * The sum of a total's printed parts, a part that is not printed itself taken as the sum of its
   * own parts; null when a part is a leaf that is not printed (its rounding is not known here).
   */
  private static Long partsSum(FigureGraph graph, Figure f, Map<String, Long> printed, int depth) {
    if (depth > 64) {
      return null;
    }
    long total = 0;
    for (Figure.Term t : f.terms()) {
      Long p = printed.get(t.figureId());
      if (p == null) {
        Figure part = graph.get(t.figureId());
        if (part.isLeaf()) {
          return null;
        }
        p = partsSum(graph, part, printed, depth + 1);
        if (p == null) {
          return null;
        }
      }
      total += t.sign() * p;
    }
    return total;
  }

  /**
   * The order of preference as {far, distance, not nearest}, to compare lexicographically: how many
   * printed figures lie three quarters of a unit or more from their exact value, the sum of the
   * distances in cents, and how many are not their nearest unit (halves away from zero).
   */
  static long[] cost(Document document, Map<String, Long> printed, long unit) {
    long far = 0;
    long distance = 0;
    long notNearest = 0;
    for (Map.Entry<String, Long> e : printed.entrySet()) {
      long cents = document.graph().get(e.getKey()).cents();
      long d = Math.abs(e.getValue() * unit - cents);
      long magnitude = (Math.abs(cents) + unit / 2) / unit;
      long nearest = cents < 0 ? -magnitude : magnitude;
      far += d * 4 >= unit * 3 ? 1 : 0;
      distance += d;
      notNearest += e.getValue() == nearest ? 0 : 1;
    }
    return new long[] {far, distance, notNearest};
  }
}
