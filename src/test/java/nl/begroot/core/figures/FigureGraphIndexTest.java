package nl.begroot.core.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph finds a figure by its id in its own open-addressing table (decision 261): ids whose hashes are
 * equal stay apart, the table grows without losing one, a second figure under an id is refused, and an id
 * it does not hold (or none) is not found. A sum given its terms' numbers (as the builders give a proposal
 * line's) adds up the same as one whose terms are looked up.
 */
class FigureGraphIndexTest {
  private static Figure leaf(FigureGraph g, String id, long cents) {
    return g.add(new Figure(id, id, cents, Figure.Display.AMOUNT, List.of(), new Origin.Entered(id, 0)));
  }

  @Test
  void idsWithTheSameHashAreDifferentFigures() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode()); // the two ids below collide on purpose
    assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode()).isEqualTo("AaBB".hashCode());
    FigureGraph g = new FigureGraph();
    leaf(g, "Aa", 1);
    leaf(g, "BB", 2);
    leaf(g, "AaAa", 3);
    leaf(g, "BBBB", 4);
    assertThat(g.get("Aa").cents()).isEqualTo(1);
    assertThat(g.get("BB").cents()).isEqualTo(2);
    assertThat(g.get("AaAa").cents()).isEqualTo(3);
    assertThat(g.get("BBBB").cents()).isEqualTo(4);
    assertThat(g.indexOf("BBBB")).isEqualTo(3);
    assertThat(g.has("AaBB")).isFalse(); // same hash, no such figure
    assertThat(g.find("AaBB")).isEmpty();
    assertThatThrownBy(() -> leaf(g, "BB", 5)).hasMessageContaining("figure defined twice: BB");
    assertThat(g.size()).isEqualTo(4);
    assertThat(g.get("BB").cents()).isEqualTo(2); // the refused one changed nothing
  }

  @Test
  void theTableGrowsWithoutLosingAFigure() {
    FigureGraph g = new FigureGraph();
    int n = 50_000; // the table starts at 32 slots and ends at 131.072: twelve doublings
    leaf(g, "Aa", -1); // ids with one hash, added before the growth and moved by every doubling
    leaf(g, "BB", -2);
    for (int i = 0; i < n; i++) {
      leaf(g, "f" + i, i * 7L);
    }
    leaf(g, "AaAa", -3); // and after it
    leaf(g, "BBBB", -4);
    assertThat(g.get("Aa").cents()).isEqualTo(-1);
    assertThat(g.get("BB").cents()).isEqualTo(-2);
    assertThat(g.get("AaAa").cents()).isEqualTo(-3);
    assertThat(g.get("BBBB").cents()).isEqualTo(-4);
    assertThat(g.has("AaBB")).isFalse();
    for (int i = 0; i < n; i++) {
      String id = new String("f" + i); // an equal id, not the same string
      assertThat(g.indexOf(id)).isEqualTo(i + 2);
      assertThat(g.get(id).cents()).isEqualTo(i * 7L);
    }
    assertThat(g.indexOf("f" + n)).isEqualTo(-1);
    assertThat(g.indexOf(null)).isEqualTo(-1);
    assertThat(g.has(null)).isFalse();
    assertThatThrownBy(() -> g.get("nothing")).hasMessage("no figure nothing");
    assertThatThrownBy(() -> leaf(g, null, 1)).hasMessage("a figure has an id"); // refused, not indexed
    assertThat(g.size()).isEqualTo(n + 4);
  }

  @Test
  void aSumByNumbersAddsUpAsOneByIds() {
    FigureGraph g = new FigureGraph();
    leaf(g, "a", 1_000);
    leaf(g, "b", 250);
    leaf(g, "c", 40);
    List<Figure.Term> terms = List.of(new Figure.Term(1, "a"), new Figure.Term(-1, "b"), new Figure.Term(1, "c"));
    g.addSum("byIds", "byIds", terms, new Origin.Sum("test"));
    // the numbers of a and c given, b looked up by its id
    g.addSum("byNumbers", "byNumbers", terms, new int[] {0, -1, 2}, new Origin.Sum("test"));
    assertThat(g.get("byIds").cents()).isEqualTo(1_000 - 250 + 40);
    assertThat(g.get("byNumbers").cents()).isEqualTo(1_000 - 250 + 40);
    FigureGraph.Links links = g.links();
    int byNumbers = g.indexOf("byNumbers");
    List<Integer> figures = new ArrayList<>();
    List<Integer> signs = new ArrayList<>();
    for (int t = links.start()[byNumbers]; t < links.start()[byNumbers + 1]; t++) {
      figures.add(links.figure()[t]);
      signs.add(links.sign()[t]);
    }
    assertThat(figures).containsExactly(0, 1, 2); // a, b, c by number
    assertThat(signs).containsExactly(1, -1, 1);
    // a number that is no figure's (within the value array's room, 16, beyond the five figures) is refused, not read as 0
    assertThatThrownBy(() -> g.addSum("bad", "bad", terms, new int[] {0, -1, 7}, new Origin.Sum("test")))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(g.has("bad")).isFalse();
  }

  @Test
  void replacingKeepsTheNumberAndTheValue() {
    FigureGraph g = new FigureGraph();
    leaf(g, "a", 5);
    Figure pm = new Figure("a", "a", 5, Figure.Display.PM, List.of(), new Origin.Entered("a", 0));
    g.replace(pm);
    assertThat(g.get("a")).isSameAs(pm);
    assertThat(g.figure(0)).isSameAs(pm);
    assertThatThrownBy(() -> g.replace(new Figure("a", "a", 6, Figure.Display.PM, List.of(), new Origin.Entered("a", 0))))
        .hasMessageContaining("replace may only change how a figure is shown");
    assertThatThrownBy(() -> g.replace(new Figure("z", "z", 6, Figure.Display.PM, List.of(), new Origin.Entered("z", 0))))
        .hasMessage("no figure z");
  }
}
