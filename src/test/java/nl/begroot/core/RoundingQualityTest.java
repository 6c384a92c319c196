package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.begroot.TestBudgets;
import nl.begroot.core.figures.Table;
import org.junit.jupiter.api.Test;

/**
 * The quality of the printed thousands on the IPO budget (issue: "printed thousands a reader can
 * sign"): how many cells are not the nearest thousand of their exact value, how far any cell lies
 * from it, and whether one exact amount always prints the same. The measures come straight from the
 * exact cents and the printed units; no figure is copied from Begroot's output.
 */
class RoundingQualityTest {
  private static final TestBudgets.Computed IPO = TestBudgets.compute(TestBudgets.ipo());
  private static final long UNIT = 100_000;

  /** Every figure printed in thousands, once, with its exact cents and its printed thousands. */
  static Map<String, long[]> printedCells(TestBudgets.Computed computed) {
    Map<String, long[]> cells = new LinkedHashMap<>();
    for (Table table : computed.document().tables()) {
      if (!table.inThousands()) {
        continue;
      }
      for (Table.Row row : table.rows()) {
        for (Table.Cell cell : row.cells()) {
          if (cell.figureId() != null) {
            long exact = computed.cents(cell.figureId());
            long printed = computed.printed().value(true, cell.figureId()).orElseThrow();
            cells.put(cell.figureId(), new long[] {exact, printed});
          }
        }
      }
    }
    return cells;
  }

  /** The nearest thousand, halves away from zero, computed here on its own. */
  static long nearest(long cents) {
    long magnitude = (Math.abs(cents) + UNIT / 2) / UNIT;
    return cents < 0 ? -magnitude : magnitude;
  }

  /**
   * On the IPO budget the rounding is proven the best (no group stopped at its search limit), every
   * printed figure lies within 1 of its exact value, and far fewer cells miss their nearest thousand
   * than with the first footing rounding Begroot printed before (78 of 1.205; the issue asked for at
   * most 40, which no footing rounding reaches: the fewest possible is 48, see docs/DECISIONS.md).
   */
  @Test
  void printedThousandsAreNearlyAlwaysTheNearest() {
    Map<String, long[]> cells = printedCells(IPO);
    List<String> notNearest = new ArrayList<>();
    long worstDistance = 0;
    String worst = null;
    for (Map.Entry<String, long[]> e : cells.entrySet()) {
      long exact = e.getValue()[0];
      long printed = e.getValue()[1];
      long distance = Math.abs(printed * UNIT - exact);
      if (printed != nearest(exact) && distance * 2 != UNIT) {
        notNearest.add(e.getKey());
      }
      if (distance > worstDistance) {
        worstDistance = distance;
        worst = e.getKey();
      }
    }
    System.out.printf("rounding quality on the IPO budget: %d cells, %d not at the nearest thousand, largest distance %d cents (%s)%n",
        cells.size(), notNearest.size(), worstDistance, worst);
    assertThat(IPO.printed().notes()).isEmpty();
    assertThat(IPO.printed().unproven()).as("every group's rounding proven the best").isEmpty();
    assertThat(worstDistance).as("within 1 of exact (at %s)", worst).isLessThan(UNIT);
    assertThat(notNearest).as("cells not at the nearest thousand").hasSizeLessThanOrEqualTo(56);
  }

  /**
   * No printed figure is three quarters of a thousand or more from its exact value unless the sums
   * force it: it is a direct part of a printed total whose parts all lie within a quarter of their
   * nearest thousand, yet whose nearest thousands do not add up to a value that total may print.
   * Then one of those parts must print three quarters or more away, and no more of them than that.
   */
  @Test
  void aFigureIsThreeQuartersOrMoreFromItsExactValueOnlyWhereTheSumsForceIt() {
    Map<String, long[]> cells = printedCells(IPO);
    var graph = IPO.document().graph();
    long forcedCount = 0;
    java.util.Set<String> forcedParts = new java.util.HashSet<>();
    for (String id : cells.keySet()) {
      var figure = graph.get(id);
      if (figure.isLeaf() || figure.terms().stream().anyMatch(t -> t.sign() != 1 || !cells.containsKey(t.figureId()))) {
        continue;
      }
      boolean allClose = true;
      long sumOfNearest = 0;
      for (var t : figure.terms()) {
        long x = IPO.cents(t.figureId());
        allClose &= Math.abs(nearest(x) * UNIT - x) * 4 < UNIT;
        sumOfNearest += nearest(x);
      }
      long x = figure.cents();
      if (allClose && sumOfNearest != Math.floorDiv(x, UNIT) && sumOfNearest != -Math.floorDiv(-x, UNIT)) {
        forcedCount += Math.min(Math.abs(sumOfNearest - Math.floorDiv(x, UNIT)), Math.abs(sumOfNearest + Math.floorDiv(-x, UNIT)));
        figure.terms().forEach(t -> forcedParts.add(t.figureId()));
      }
    }
    List<String> far = new ArrayList<>();
    cells.forEach((id, v) -> {
      if (Math.abs(v[1] * UNIT - v[0]) * 4 >= UNIT * 3) {
        far.add(id);
      }
    });
    System.out.println("printed 0,75 or more from exact: " + far + "; forced by the sums: " + forcedCount);
    assertThat(forcedParts).as("every far figure is a part of a total that forces it").containsAll(far);
    assertThat((long) far.size()).as("no more far figures than the sums force").isLessThanOrEqualTo(forcedCount);
  }

  /** A figure shown in two places, or two figures that must be equal, print the same. */
  @Test
  void figuresThatMustBeEqualPrintTheSame() {
    Map<String, long[]> cells = printedCells(IPO);
    int checked = 0;
    for (String[] pair : IPO.document().graph().equalities()) {
      if (cells.containsKey(pair[0]) && cells.containsKey(pair[1])) {
        assertThat(cells.get(pair[0])[1]).as("%s = %s", pair[0], pair[1]).isEqualTo(cells.get(pair[1])[1]);
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  /**
   * The same exact amount in different figures (a member's share that is the same in two years, say)
   * prints the same unless a footing sum needs one of them the other way: a measurement for the
   * closing note, with a bound so that it cannot quietly grow.
   */
  @Test
  void equalAmountsMostlyPrintTheSame() {
    Map<Long, java.util.Set<Long>> printsByExact = new TreeMap<>();
    printedCells(IPO).forEach((id, v) -> printsByExact.computeIfAbsent(v[0], k -> new java.util.TreeSet<>()).add(v[1]));
    long differing = printsByExact.values().stream().filter(p -> p.size() > 1).count();
    System.out.println("exact amounts printed in two ways: " + differing + " of " + printsByExact.size());
    assertThat(differing).isLessThanOrEqualTo(12);
  }
}
