package nl.begroot.core.rounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import org.junit.jupiter.api.Test;

/**
 * The printed figures are kept by figure number (decision 257) and read as a map by id: it holds
 * exactly the printed figures of its unit, with the values worked out by hand here, and nothing else.
 */
class PrintedValuesTest {
  private static void leaf(FigureGraph g, String id, long cents) {
    g.add(new Figure(id, id, cents, Figure.Display.AMOUNT, List.of(), new Origin.Entered(id, 0)));
  }

  private static Table table(String id, long unit, String... figures) {
    List<Table.Cell> cells = new java.util.ArrayList<>();
    List<Table.Column> columns = new java.util.ArrayList<>();
    for (String f : figures) {
      cells.add(Table.Cell.figure(f));
      columns.add(new Table.Column(f, f));
    }
    return new Table(id, id, unit, columns, List.of(new Table.Row("r", "r", Table.Style.LINE, cells)));
  }

  @Test
  void theMapHoldsThePrintedFiguresOfItsUnitAndNoOther() {
    FigureGraph g = new FigureGraph();
    leaf(g, "a", 140_000); // 1,4 thousand
    leaf(g, "b", 260_000); // 2,6 thousand
    g.addSum("t", "t", List.of(new Figure.Term(1, "a"), new Figure.Term(1, "b")), new Origin.Sum("test")); // 4,0 thousand
    leaf(g, "e", 1_250); // 12,50 euro, in a table in euros
    leaf(g, "unprinted", 990_000);
    PrintedFigures printed = ControlledRounding.round(new Document(null, g,
        List.of(table("k", 100_000, "t", "b", "a"), table("eur", 100, "e")))); // printed in another order than added

    // nearest: a 1, b 3, and 1 + 3 = 4 is the total's own nearest: nothing needs to move
    Map<String, Long> thousands = new LinkedHashMap<>();
    thousands.put("a", 1L);
    thousands.put("b", 3L);
    thousands.put("t", 4L);
    assertThat(printed.thousands()).isEqualTo(thousands).hasSize(3);
    assertThat(printed.thousands().keySet()).containsExactly("t", "b", "a"); // in the order printed
    assertThat(printed.thousands().get("e")).isNull();
    assertThat(printed.thousands().containsKey("unprinted")).isFalse();
    assertThat(printed.thousands().containsKey("no such figure")).isFalse();
    assertThat(printed.thousands().get(42)).isNull();
    assertThat(printed.euros()).isEqualTo(Map.of("e", 13L)); // 12,50 rounds half away from zero
    assertThat(printed.value(true, "e")).isEmpty();
    assertThat(printed.value(false, "e")).hasValue(13);
    assertThatThrownBy(() -> printed.thousands().put("a", 2L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void figuresAreNumberedInTheOrderAddedAndASumsTermsByNumber() {
    FigureGraph g = new FigureGraph();
    leaf(g, "x", 300);
    leaf(g, "y", 500);
    // a term may name a figure added after it; it is numbered when the terms are read
    g.add(new Figure("d", "d", -200, Figure.Display.AMOUNT, List.of(new Figure.Term(1, "x"), new Figure.Term(-1, "z")),
        new Origin.Sum("test")));
    leaf(g, "z", 500);
    Figure s = g.addSum("s", "s", List.of(new Figure.Term(1, "x"), new Figure.Term(1, "y")), new Origin.Sum("test"));
    assertThat(s.cents()).isEqualTo(800);
    assertThat(g.size()).isEqualTo(5);
    assertThat(g.indexOf("x")).isZero();
    assertThat(g.indexOf("z")).isEqualTo(3);
    assertThat(g.indexOf("none")).isEqualTo(-1);
    assertThat(g.figure(4).id()).isEqualTo("s");
    FigureGraph.Links links = g.links();
    assertThat(java.util.Arrays.copyOfRange(links.figure(), links.start()[2], links.start()[3])).containsExactly(0, 3);
    assertThat(java.util.Arrays.copyOfRange(links.sign(), links.start()[2], links.start()[3])).containsExactly(1, -1);
    assertThat(java.util.Arrays.copyOfRange(links.figure(), links.start()[4], links.start()[5])).containsExactly(0, 1);
    assertThat(links.start()[1]).isEqualTo(links.start()[0]); // a leaf has no terms
    assertThatThrownBy(() -> g.addSum("bad", "bad", List.of(new Figure.Term(1, "missing")), new Origin.Sum("test")))
        .hasMessageContaining("no figure missing");
    assertThat(g.has("bad")).isFalse();
  }

  /**
   * A whole number of thousands is no variable: its floor counts in every total and equality it is in (decision 271
   * leaves it out of the expansions). Worked out by hand: a and b are 2,6 thousand, c is -0,2, so t = 5,0 exactly
   * and must print 5; to nearest they would print 3 + 3 + 0 = 6, so one of a and b prints 2 (0,6 from its value;
   * c at -1 would be 0,8, far). w is 5 thousand, must equal t, and u = w + a is 7,6.
   */
  @Test
  void aWholeNumberOfThousandsCountsInEveryTotalAndEqualityItIsIn() {
    FigureGraph g = new FigureGraph();
    leaf(g, "w", 500_000);
    leaf(g, "a", 260_000);
    leaf(g, "b", 260_000);
    leaf(g, "c", -20_000);
    g.addSum("t", "t", List.of(new Figure.Term(1, "a"), new Figure.Term(1, "b"), new Figure.Term(1, "c")),
        new Origin.Sum("test"));
    g.addSum("u", "u", List.of(new Figure.Term(1, "w"), new Figure.Term(1, "a")), new Origin.Sum("test"));
    g.requireEqual("w", "t");
    PrintedFigures printed = ControlledRounding.round(new Document(null, g,
        List.of(table("k", 100_000, "w", "a", "b", "c", "t", "u"))));

    assertThat(printed.messages()).isEmpty();
    Map<String, Long> p = printed.thousands();
    assertThat(p.get("w")).isEqualTo(5L);
    assertThat(p.get("t")).isEqualTo(5L);
    assertThat(p.get("c")).isZero();
    assertThat(List.of(p.get("a"), p.get("b"))).containsExactlyInAnyOrder(2L, 3L);
    assertThat(p.get("u")).isEqualTo(5L + p.get("a"));
  }
}
