package nl.begroot.core.rounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import org.junit.jupiter.api.Test;

/**
 * A group with more variables than its steps skips its branch and bound when the local search finds it a footing
 * rounding (decision 272); so does a large group, taking none of the steps (decision 273, the last two tests). That must print exactly what searching it prints (the old rounding, {@link
 * ReferenceRounding}, run with the same step limits): the skipped search charged what it would have spent, and a
 * group without a footing rounding searched after all, so that its note says none exists.
 */
class SkippedSearchTest {
  private static void leaf(FigureGraph g, String id, long cents) {
    g.add(new Figure(id, id, cents, Figure.Display.AMOUNT, List.of(), new Origin.Entered(id, 0)));
  }

  private static void sum(FigureGraph g, String id, String... terms) {
    List<Figure.Term> ts = new ArrayList<>();
    for (String t : terms) {
      ts.add(new Figure.Term(1, t));
    }
    g.addSum(id, id, ts, new Origin.Sum("test"));
  }

  private static Document document(FigureGraph g, List<String> printed) {
    List<Table.Cell> cells = new ArrayList<>();
    List<Table.Column> columns = new ArrayList<>();
    for (String f : printed) {
      cells.add(Table.Cell.figure(f));
      columns.add(new Table.Column(f, f));
    }
    return new Document(null, g, List.of(new Table("k", "k", 100_000, columns,
        List.of(new Table.Row("r", "r", Table.Style.LINE, cells)))));
  }

  private static void same(Document d, ControlledRounding.Limits limits, String what) {
    PrintedFigures now = ControlledRounding.round(d, limits);
    PrintedFigures before = ReferenceRounding.round(d, limits);
    assertThat(now.thousands()).as(what).isEqualTo(before.thousands());
    assertThat(now.notes()).as(what + ": notes").isEqualTo(before.notes());
    assertThat(now.unproven()).as(what + ": unproven").isEqualTo(before.unproven());
  }

  /**
   * Group 1: 45 parts of 0,3 thousand and their total, 13,5 (more variables than the 40 steps a group may take).
   * Group 2: six parts in two subtotals and their total of exactly 3, small enough to search. Group 2 gets the
   * steps group 1 leaves: with a document limit of 41 + k, k of them. Over k = 1 .. 80 its search finds nothing,
   * then a rounding it cannot prove the best (named unproven), then proves it; at each k the two roundings agree.
   * A skipped search charged one step less than a search that runs out would shift that by one.
   */
  @Test
  void aSkippedGroupLeavesTheNextGroupTheStepsItsSearchWouldHave() {
    FigureGraph g = new FigureGraph();
    List<String> printed = new ArrayList<>();
    parts(g, printed, 45);
    printed.addAll(smallGroup(g));
    Document d = document(g, printed);
    boolean sawUnproven = false;
    boolean sawProven = false;
    for (long k = 1; k <= 80; k++) {
      ControlledRounding.Limits limits = new ControlledRounding.Limits(40, 41 + k, 1);
      same(d, limits, "document steps 41 + " + k);
      List<String> unproven = ReferenceRounding.round(d, limits).unproven();
      sawUnproven |= !unproven.isEmpty();
      sawProven |= unproven.isEmpty() && k > 20;
    }
    assertThat(sawUnproven).as("some limit leaves group 2 unproven").isTrue();
    assertThat(sawProven).as("a larger limit proves group 2").isTrue();
    PrintedFigures printedFigures = ControlledRounding.round(d, new ControlledRounding.Limits(40, 200, 1));
    assertThat(printedFigures.thousands().get("X")).isBetween(13L, 14L);
    assertThat(printedFigures.thousands().get("S3")).isEqualTo(3L);
  }

  /**
   * A group with exactly as many variables as its steps is searched: 22 parts of 0,4 and 22 of 0,6 thousand, their
   * total exactly 22, and each part's nearest already foots, so the first descent reaches a rounding in its 44th and
   * last step, cannot prove it the best, and names the group unproven (a skip at that size would not).
   */
  @Test
  void aGroupWithAsManyVariablesAsStepsIsSearched() {
    FigureGraph g = new FigureGraph();
    List<String> printed = new ArrayList<>();
    String[] xs = new String[44];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = "x" + i;
      leaf(g, xs[i], i % 2 == 0 ? 40_000 : 60_000);
    }
    sum(g, "X", xs);
    printed.add("X");
    printed.addAll(List.of(xs));
    Document d = document(g, printed);
    ControlledRounding.Limits limits = new ControlledRounding.Limits(44, 44, 1);
    same(d, limits, "44 variables, 44 steps");
    PrintedFigures p = ControlledRounding.round(d, limits);
    assertThat(p.unproven()).singleElement().asString().startsWith("the rounding of the group of 1 totals around X");
    assertThat(p.thousands().get("X")).isEqualTo(22L);
    assertThat(p.thousands().get("x0")).isZero();
    assertThat(p.thousands().get("x1")).isEqualTo(1L);
  }

  /**
   * a and b are 0,5 thousand each, their total exactly 1 and a must print as b: no rounding can do both (1 + 1 or
   * 0 + 0). With 30 more parts in the group (in a total with a), the group has more variables than its steps, so
   * it skips its search; the local search finds nothing, and then the group is searched after all, which proves
   * within a few steps that no rounding exists, as the old rounding says.
   */
  @Test
  void aSkippedGroupWithoutAFootingRoundingIsSearchedAfterAll() {
    FigureGraph g = new FigureGraph();
    List<String> printed = new ArrayList<>();
    noFootingRounding(g, printed, 31);
    Document d = document(g, printed);
    ControlledRounding.Limits limits = new ControlledRounding.Limits(10, 10, 5);
    same(d, limits, "limits of 10 steps");
    assertThat(ControlledRounding.round(d, limits).notes()).singleElement().asString()
        .startsWith("no controlled rounding exists for the group of 3 totals around T");
  }

  /**
   * a and b of 0,5 thousand, their total T exactly 1, a printed as b (no rounding does both), and a total U of a and
   * {@code count - 1} parts of 0,3 thousand; printed T, U, a, b, then the parts.
   */
  private static void noFootingRounding(FigureGraph g, List<String> printed, int count) {
    leaf(g, "a", 50_000);
    leaf(g, "b", 50_000);
    sum(g, "T", "a", "b");
    g.requireEqual("a", "b");
    String[] us = new String[count];
    us[0] = "a";
    for (int i = 1; i < us.length; i++) {
      us[i] = "x" + i;
      leaf(g, us[i], 30_000);
    }
    sum(g, "U", us);
    printed.addAll(List.of("T", "U", "a", "b"));
    printed.addAll(List.of(us).subList(1, us.length));
  }

  /** {@code count} parts x0, x1, .. of 0,3 thousand and their total X, printed: X first, then the parts. */
  private static String[] parts(FigureGraph g, List<String> printed, int count) {
    String[] xs = new String[count];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = "x" + i;
      leaf(g, xs[i], 30_000);
    }
    sum(g, "X", xs);
    printed.add("X");
    printed.addAll(List.of(xs));
    return xs;
  }

  /** Group 2 of the first test: six parts in two subtotals and their total of exactly 3; its search needs a few dozen steps. */
  private static List<String> smallGroup(FigureGraph g) {
    long[] ys = {40_000, 60_000, 70_000, 30_000, 50_000, 50_000};
    List<String> printed = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      leaf(g, "y" + i, ys[i]);
      printed.add("y" + i);
    }
    sum(g, "S1", "y0", "y1", "y2");
    sum(g, "S2", "y3", "y4", "y5");
    sum(g, "S3", "S1", "S2");
    printed.addAll(List.of("S1", "S2", "S3"));
    return printed;
  }

  /**
   * A large group (a total of more than {@link LocalSearch#LARGE} parts) is rounded by the local search alone and
   * takes none of the document's steps (decision 273). Group 1: 1.001 parts of 0,3 thousand and their total, 300,3;
   * its search would need a step a part to reach any rounding, so in the old rounding the 500 steps of the document
   * all go to it, and group 2 (after it) gets the last steps, L: a number of steps with which group 2's search finds
   * a rounding but cannot prove it the best (named unproven). Now group 2 gets the 500 and proves its rounding, the
   * one it prints when searched alone with 500 steps; and group 1 foots: its total is the sum of its printed parts,
   * within 1 of 300,3.
   */
  @Test
  void aLargeGroupTakesNoneOfTheSteps() {
    long last = 0;
    for (long l = 1; l <= 80 && last == 0; l++) {
      FigureGraph alone = new FigureGraph();
      if (!ReferenceRounding.round(document(alone, smallGroup(alone)), new ControlledRounding.Limits(l, l, l)).unproven()
          .isEmpty()) {
        last = l;
      }
    }
    assertThat(last).as("steps with which group 2 alone is unproven").isPositive();
    FigureGraph g = new FigureGraph();
    List<String> printed = new ArrayList<>();
    String[] xs = parts(g, printed, LocalSearch.LARGE + 1);
    printed.addAll(smallGroup(g));
    Document d = document(g, printed);
    ControlledRounding.Limits limits = new ControlledRounding.Limits(500, 500, last);
    assertThat(ReferenceRounding.round(d, limits).unproven()).as("the old rounding, group 2 after group 1's search")
        .singleElement().asString().contains("around S1");
    PrintedFigures p = ControlledRounding.round(d, limits);
    assertThat(p.unproven()).as("group 2 gets the document's steps").isEmpty();
    assertThat(p.notes()).isEmpty();
    long parts = 0;
    for (String x : xs) {
      assertThat(p.thousands().get(x)).as(x).isBetween(0L, 1L);
      parts += p.thousands().get(x);
    }
    assertThat(p.thousands().get("X")).isEqualTo(parts).isBetween(300L, 301L);
    FigureGraph alone = new FigureGraph();
    List<String> smallOnly = smallGroup(alone);
    PrintedFigures small = ReferenceRounding.round(document(alone, smallOnly), limits);
    assertThat(small.unproven()).isEmpty();
    assertThat(p.thousands().get("S3")).as("0,4 + 0,6 + 0,7 + 0,3 + 0,5 + 0,5").isEqualTo(3L);
    for (String f : smallOnly) {
      assertThat(p.thousands().get(f)).as(f).isEqualTo(small.thousands().get(f));
    }
  }

  /**
   * As the last test but the group is large, not beyond its steps: a and b of 0,5 thousand, their total exactly 1, a
   * printed as b, and a in a total of 1.001 parts. The local search finds no footing rounding; the group is searched
   * after all, which proves that none exists, as the old rounding says. The small group before it prints as before.
   */
  @Test
  void aLargeGroupWithoutAFootingRoundingIsSearchedAfterAll() {
    FigureGraph g = new FigureGraph();
    List<String> printed = smallGroup(g); // a group before it, searched in both passes
    noFootingRounding(g, printed, LocalSearch.LARGE + 1);
    Document d = document(g, printed);
    ControlledRounding.Limits limits = new ControlledRounding.Limits(100_000, 100_000, 5);
    same(d, limits, "a large group without a footing rounding");
    assertThat(ControlledRounding.round(d, limits).notes()).singleElement().asString()
        .startsWith("no controlled rounding exists for the group of 3 totals around T");
  }
}
