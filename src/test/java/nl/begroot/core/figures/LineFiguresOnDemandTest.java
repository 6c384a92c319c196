package nl.begroot.core.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.begroot.TestBudgets;
import nl.begroot.core.engine.Cells;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An entered line's figure is made when asked for (decision 267): the graph keeps its number, value and
 * the hash of its id, the source makes its id and figure. Found by id like any other figure (its hash
 * worked out without the id), shown in its table's row, a term of a sum whose terms are read back from
 * the graph, and the same figure on every read.
 */
class LineFiguresOnDemandTest {
  /** Lines whose ids are the keys' strings from a list (so that two may share a hash). */
  private record ListLines(List<String> ids) implements FigureGraph.Lines {
    @Override
    public String id(int key) {
      return new String(ids.get(key)); // equal, never the same string
    }

    @Override
    public Figure figure(int key, long cents) {
      return new Figure(id(key), "line " + key, cents, Figure.Display.AMOUNT, List.of(), new Origin.Entered("p" + key, 2027));
    }
  }

  @Test
  void aLineIsFoundByItsIdAndMadeWhenAskedFor() {
    List<String> ids = List.of("Aa", "BB", "AaAa", "BBBB");
    FigureGraph g = new FigureGraph();
    g.lines(new ListLines(ids));
    g.add(new Figure("AaBB", "explicit", 5, Figure.Display.AMOUNT, List.of(), new Origin.Entered("x", 2027)));
    for (int key = 0; key < ids.size(); key++) {
      assertThat(g.addLine(key, ids.get(key).hashCode(), 100L * (key + 1))).isEqualTo(key + 1);
    }
    assertThat(g.size()).isEqualTo(5);
    assertThat(g.indexOf("AaBB")).isEqualTo(0); // same hash as the lines "AaAa" and "BBBB", a different figure
    assertThat(g.indexOf("BB")).isEqualTo(2);
    assertThat(g.get("BBBB")).isEqualTo(
        new Figure("BBBB", "line 3", 400, Figure.Display.AMOUNT, List.of(), new Origin.Entered("p3", 2027)));
    assertThat(g.figure(1).cents()).isEqualTo(100);
    assertThat(g.cents(3)).isEqualTo(300);
    assertThat(g.has("BA")).isFalse();
    assertThat(new ArrayList<>(g.all()).stream().map(Figure::id)).containsExactly("AaBB", "Aa", "BB", "AaAa", "BBBB");
    assertThatThrownBy(() -> g.addLine(1, "BB".hashCode(), 7)).hasMessageContaining("figure defined twice: BB");
    assertThatThrownBy(() -> g.add(new Figure("Aa", "again", 1, Figure.Display.AMOUNT, List.of(), new Origin.Entered("y", 2027))))
        .hasMessageContaining("figure defined twice: Aa");
    assertThat(g.size()).isEqualTo(5);
  }

  @Test
  void aSumOfLinesReadsItsTermsBackFromTheGraph() {
    FigureGraph g = new FigureGraph();
    g.lines(new ListLines(List.of("a", "b")));
    int a = g.addLine(0, "a".hashCode(), 1_000);
    int b = g.addLine(1, "b".hashCode(), 300);
    g.add(new Figure("c", "c", 7, Figure.Display.AMOUNT, List.of(), new Origin.Entered("c", 2027)));
    Figure.Term[] given = {null, null, new Figure.Term(1, "c")};
    Figure sum = g.addSum("s", "s", 3, given, new int[] {a, b, -1}, new int[] {1, -1, 1}, new Origin.Sum("a - b + c"));
    assertThat(sum.cents()).isEqualTo(1_000 - 300 + 7);
    List<Figure.Term> expected = List.of(new Figure.Term(1, "a"), new Figure.Term(-1, "b"), new Figure.Term(1, "c"));
    assertThat(sum.terms()).isEqualTo(expected);
    assertThat(g.get("s").terms()).containsExactlyElementsOf(expected);
    assertThat(g.leafCoefficients("s")).containsEntry("a", 1L).containsEntry("b", -1L).containsEntry("c", 1L);
    FigureGraph.Links links = g.links();
    int s = g.indexOf("s");
    assertThat(java.util.Arrays.copyOfRange(links.figure(), links.start()[s], links.start()[s + 1])).containsExactly(a, b, 2);
    assertThat(java.util.Arrays.copyOfRange(links.sign(), links.start()[s], links.start()[s + 1])).containsExactly(1, -1, 1);
    // a term without a number must name its figure, with the same sign
    assertThatThrownBy(() -> g.addSum("t", "t", 1, new Figure.Term[] {null}, new int[] {-1}, new int[] {1}, new Origin.Sum("?")))
        .hasMessageContaining("names a figure");
    assertThatThrownBy(() -> g.addSum("t", "t", 1, new Figure.Term[] {new Figure.Term(1, "c")}, null, new int[] {-1}, new Origin.Sum("?")))
        .hasMessageContaining("two signs");
    assertThatThrownBy(() -> g.addSum("t", "t", 1, new Figure.Term[] {null}, new int[] {a}, new int[] {2}, new Origin.Sum("?")))
        .hasMessageContaining("the sign 2");
    assertThat(g.has("t")).isFalse();
  }

  @Test
  void theHashOfALineIdIsWorkedOutFromItsParts() {
    // ids beyond Latin-1 (a string then hashes its UTF-16 chars, a surrogate pair as two) and years of other lengths
    for (String proposal : List.of("2.7-soc", "é-1", "€", "x\uD83D\uDE00y", "")) {
      for (String table : List.of("programme-2", "programme-ë")) {
        int prefix = FigureSheet.LineSource.prefixHash(table, proposal);
        assertThat(prefix).isEqualTo((table + "/" + proposal + "/").hashCode());
        for (int year : new int[] {7, 999, 2027, 10_000, -1}) {
          String text = String.valueOf(year);
          assertThat(prefix * FigureSheet.LineSource.power31(text.length()) + text.hashCode())
              .as("%s %s %d", table, proposal, year)
              .isEqualTo(FigureIds.of(table, proposal, year).hashCode());
        }
      }
    }
  }

  static Stream<Arguments> budgets() {
    return Stream.of(
        Arguments.of("IPO", TestBudgets.ipo()),
        Arguments.of("generated, 20.000 cells", BudgetGenerator.generate(20270101L, nl.begroot.bench.Bench.size(20_000))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("budgets")
  void everyFigureIsFoundByItsOwnIdAndEveryLineIsItsComputedAmount(String name, Budget budget) {
    Computation c = Engine.compute(Cells.of(budget));
    Document d = DocumentBuilder.build(c);
    FigureGraph g = d.graph();
    for (int n = 0; n < g.size(); n++) {
      assertThat(g.indexOf(g.figure(n).id())).as("figure %d", n).isEqualTo(n);
    }
    List<Proposal> proposals = budget.proposals();
    int entered = 0;
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() != Proposal.Rule.ENTERED) {
        continue;
      }
      Amounts line = c.line(i);
      for (int y = 0; y < c.years().size(); y++) {
        int year = c.years().get(y);
        String table = FigureIds.programmeTable(budget.programmes().stream()
            .filter(pr -> pr.units().stream().anyMatch(u -> u.id().equals(p.unit()))).findFirst().orElseThrow().id());
        Figure f = g.get(table + "/" + p.id() + "/" + year);
        assertThat(f.isLeaf()).isTrue();
        assertThat(f.cents()).isEqualTo(line.cents(y));
        assertThat(f.origin()).isEqualTo(new Origin.Entered(p.id(), year));
        assertThat(f.display()).isEqualTo(FigureSheet.display(line, y));
        assertThat(f.label()).endsWith(p.title());
        assertThat(g.get(f.id())).isEqualTo(f); // made anew, equal
        // its programme table shows it in the proposal's row, in the year's column
        Table.Row row = d.table(table).orElseThrow().row(p.id());
        int column = d.table(table).orElseThrow().columnIndex(String.valueOf(year));
        assertThat(row.cells().get(column)).isEqualTo(Table.Cell.figure(table + "/" + p.id() + "/" + year));
        entered++;
      }
    }
    assertThat(entered).isGreaterThan(0);
    // every table's figures, by number, are its cells' figures by id, in order
    int rowsByNumber = 0;
    for (Table t : d.tables()) {
      List<Integer> byNumber = new ArrayList<>();
      t.forEachFigure(g, byNumber::add);
      List<Integer> byId = new ArrayList<>();
      for (Table.Row row : t.rows()) {
        rowsByNumber += row.cells() instanceof Table.FigureCells ? 1 : 0;
        for (Table.Cell cell : row.cells()) {
          if (cell.figureId() != null) {
            byId.add(g.indexOf(cell.figureId()));
          }
        }
      }
      assertThat(byNumber).as(t.id()).isEqualTo(byId);
    }
    assertThat(rowsByNumber).isGreaterThan(0);
  }
}
