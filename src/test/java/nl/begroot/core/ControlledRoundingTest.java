package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.rounding.PrintedFigures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Controlled rounding on small hand-made tables in thousands (100.000 cents). */
class ControlledRoundingTest {

  private static Figure leaf(FigureGraph g, String id, long cents) {
    return g.add(new Figure(id, id, cents, Figure.Display.AMOUNT, List.of(), new Origin.Entered(id, 0)));
  }

  private static Figure sum(FigureGraph g, String id, long cents, Figure.Term... terms) {
    return g.add(new Figure(id, id, cents, Figure.Display.AMOUNT, List.of(terms), new Origin.Sum("test")));
  }

  private static Figure.Term p(String id) {
    return new Figure.Term(1, id);
  }

  private static Figure.Term m(String id) {
    return new Figure.Term(-1, id);
  }

  private static PrintedFigures round(FigureGraph g, String... ids) {
    List<Table.Cell> cells = new ArrayList<>();
    for (String id : ids) {
      cells.add(Table.Cell.figure(id));
    }
    List<Table.Column> columns = new ArrayList<>();
    for (String id : ids) {
      columns.add(new Table.Column(id, id));
    }
    Table t = new Table("t", "t", 100_000, columns, List.of(new Table.Row("r", "r", Table.Style.LINE, cells)));
    return ControlledRounding.round(new Document(null, g, List.of(t)));
  }

  @Test
  void threeThirdsPrintAsATotalOfOne() {
    // 0.4 + 0.4 + 0.2 = 1.0 thousand: nearest rounding would print 0 + 0 + 0 = 0
    FigureGraph g = new FigureGraph();
    leaf(g, "a", 40_000);
    leaf(g, "b", 40_000);
    leaf(g, "c", 20_000);
    sum(g, "t", 100_000, p("a"), p("b"), p("c"));
    PrintedFigures printed = round(g, "a", "b", "c", "t");
    long a = printed.value(true, "a").getAsLong();
    long b = printed.value(true, "b").getAsLong();
    long c = printed.value(true, "c").getAsLong();
    assertThat(printed.value(true, "t")).hasValue(1);
    assertThat(a + b + c).isEqualTo(1);
    assertThat(printed.notes()).isEmpty();
  }

  @Test
  void aDifferenceAndASumOfTheSameHalvesCannotBothBeRoundedAndTheNoteSaysSo() {
    // a = b = 0.5: a + b = 1 must print 1 (one of them up), a - b = 0 must print 0 (both alike)
    FigureGraph g = new FigureGraph();
    leaf(g, "a", 50_000);
    leaf(g, "b", 50_000);
    sum(g, "sum", 100_000, p("a"), p("b"));
    sum(g, "diff", 0, p("a"), m("b"));
    PrintedFigures printed = round(g, "a", "b", "sum", "diff");
    assertThat(printed.notes()).singleElement().asString().contains("no controlled rounding");
    // still footing: totals are the sums of the printed parts
    assertThat(printed.value(true, "sum").getAsLong())
        .isEqualTo(printed.value(true, "a").getAsLong() + printed.value(true, "b").getAsLong());
  }

  @Test
  void aLeafPrintedInTwoTotalsSatisfiesBoth() {
    // rows x = a + b, y = c + d; columns u = a + c, v = b + d; all parts 0.5 thousand
    FigureGraph g = new FigureGraph();
    for (String id : List.of("a", "b", "c", "d")) {
      leaf(g, id, 50_000);
    }
    sum(g, "x", 100_000, p("a"), p("b"));
    sum(g, "y", 100_000, p("c"), p("d"));
    sum(g, "u", 100_000, p("a"), p("c"));
    sum(g, "v", 100_000, p("b"), p("d"));
    sum(g, "all", 200_000, p("x"), p("y"));
    PrintedFigures printed = round(g, "a", "b", "c", "d", "x", "y", "u", "v", "all");
    assertThat(printed.notes()).isEmpty();
    for (String total : List.of("x", "y", "u", "v")) {
      assertThat(printed.value(true, total)).as(total).hasValue(1);
    }
    assertThat(printed.value(true, "all")).hasValue(2);
  }

  static LongStream seeds() {
    return LongStream.range(1, 301);
  }

  /**
   * On small random two-way tables (row totals, column totals, a grand total, and a copy of one
   * column total elsewhere that must print alike) the rounding is as good as the best of all
   * roundings, found here by trying every one: the fewest figures 0,75 or more from their exact value,
   * then the least total distance, then the fewest figures not at their nearest thousand.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void smallTablesAreRoundedAsWellAsTheBestOfAllRoundings(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = 2 + random.nextInt(2);
    int cols = 2 + random.nextInt(3);
    FigureGraph g = new FigureGraph();
    List<String> printed = new ArrayList<>();
    Map<String, Long> exact = new LinkedHashMap<>();
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        long cents = random.nextLong(-300_000, 900_000);
        if (random.nextInt(5) == 0) {
          cents = cents / 100_000 * 100_000 + 50_000; // an exact half now and then
        }
        leaf(g, "c" + r + c, cents);
        exact.put("c" + r + c, cents);
        printed.add("c" + r + c);
      }
    }
    List<String> rowTotals = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> ps = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        ps.add("c" + r + c);
      }
      total(g, "r" + r, ps, exact, parts, printed);
      rowTotals.add("r" + r);
    }
    for (int c = 0; c < cols; c++) {
      List<String> ps = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        ps.add("c" + r + c);
      }
      total(g, "k" + c, ps, exact, parts, printed);
    }
    total(g, "all", rowTotals, exact, parts, printed);
    // the same amount as column total k0, entered elsewhere as a figure of its own (like "Te verdelen
    // bedrag" beside the sum over the members): the two must print alike
    leaf(g, "copy", exact.get("k0"));
    exact.put("copy", exact.get("k0"));
    printed.add(rows * cols, "copy");
    g.requireEqual("copy", "k0");

    PrintedFigures result = round(g, printed.toArray(String[]::new));
    long[] best = null;
    List<String> leaves = printed.subList(0, rows * cols + 1);
    for (int mask = 0; mask < 1 << leaves.size(); mask++) {
      Map<String, Long> print = new LinkedHashMap<>();
      for (int i = 0; i < leaves.size(); i++) {
        print.put(leaves.get(i), Math.floorDiv(exact.get(leaves.get(i)), 100_000) + (exact.get(leaves.get(i)) % 100_000 == 0 ? 0 : (mask >> i) & 1));
      }
      boolean feasible = true;
      for (Map.Entry<String, List<String>> t : parts.entrySet()) {
        long sum = 0;
        for (String part : t.getValue()) {
          sum += print.get(part);
        }
        print.put(t.getKey(), sum);
        long x = exact.get(t.getKey());
        feasible &= sum == Math.floorDiv(x, 100_000) || sum == -Math.floorDiv(-x, 100_000);
      }
      feasible &= print.get("copy").equals(print.get("k0"));
      if (feasible) {
        long[] cost = cost(print, exact);
        if (best == null || compare(cost, best) < 0) {
          best = cost;
        }
      }
    }
    if (best == null) {
      assertThat(result.notes()).as("no footing rounding exists, and the note says so").isNotEmpty();
      return;
    }
    Map<String, Long> ours = new LinkedHashMap<>();
    for (String id : printed) {
      ours.put(id, result.value(true, id).getAsLong());
    }
    assertThat(result.notes()).isEmpty();
    assertThat(cost(ours, exact)).as("far, distance, not nearest (seed %d)", seed).containsExactly(best);
  }

  private static void total(FigureGraph g, String id, List<String> ps, Map<String, Long> exact,
      Map<String, List<String>> parts, List<String> printed) {
    long cents = 0;
    List<Figure.Term> terms = new ArrayList<>();
    for (String part : ps) {
      cents += exact.get(part);
      terms.add(p(part));
    }
    sum(g, id, cents, terms.toArray(Figure.Term[]::new));
    exact.put(id, cents);
    parts.put(id, ps);
    printed.add(id);
  }

  /** {figures 0,75 or more away, total distance in cents, figures not at nearest (halves away from zero)}. */
  private static long[] cost(Map<String, Long> print, Map<String, Long> exact) {
    long far = 0;
    long distance = 0;
    long notNearest = 0;
    for (Map.Entry<String, Long> e : print.entrySet()) {
      long x = exact.get(e.getKey());
      long d = Math.abs(e.getValue() * 100_000 - x);
      far += d >= 75_000 ? 1 : 0;
      distance += d;
      long nearest = x >= 0 ? (x + 50_000) / 100_000 : -((-x + 50_000) / 100_000);
      notNearest += e.getValue() == nearest ? 0 : 1;
    }
    return new long[] {far, distance, notNearest};
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
