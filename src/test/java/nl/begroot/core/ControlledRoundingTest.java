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
import org.junit.jupiter.api.Test;

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
    assertThat(printed.notes()).singleElement().asString().contains("no controlled rounding found");
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
}
