package nl.begroot.core;

import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;

/** Checks every printed table of a computed document, independently of how it was rounded. */
final class Invariants {
  private Invariants() {}

  /**
   * Each printed total equals the signed sum of its printed parts (for every way it is a sum), figures
   * that must be equal print equal, and each printed figure is the floor or the ceiling of its exact
   * value. Problems are added to {@code problems}.
   */
  static void checkFooting(TestBudgets.Computed c, List<String> problems) {
    var graph = c.document().graph();
    for (Table table : c.document().tables()) {
      long unit = table.centsPerUnit();
      for (Table.Row row : table.rows()) {
        for (Table.Cell cell : row.cells()) {
          if (cell.figureId() == null) {
            continue;
          }
          Figure f = graph.get(cell.figureId());
          long printed = c.printed().value(table.inThousands(), f.id()).orElseThrow();
          long floor = Math.floorDiv(f.cents(), unit);
          long ceil = -Math.floorDiv(-f.cents(), unit);
          if (printed != floor && printed != ceil) {
            problems.add(f.id() + ": printed " + printed + " is not within 1 of " + f.cents() + " cents");
          }
          for (List<Figure.Term> terms : graph.decompositions(f.id())) {
            long sum = 0;
            boolean allPrinted = true;
            for (Figure.Term t : terms) {
              var v = c.printed().value(table.inThousands(), t.figureId());
              if (v.isEmpty()) {
                allPrinted = false;
                break;
              }
              sum += t.sign() * v.getAsLong();
            }
            if (allPrinted && sum != printed) {
              problems.add(f.id() + ": printed " + printed + " but its printed parts add up to " + sum);
            }
          }
        }
      }
    }
    for (String[] pair : graph.equalities()) {
      var a = c.printed().value(true, pair[0]);
      var b = c.printed().value(true, pair[1]);
      if (a.isPresent() && b.isPresent() && a.getAsLong() != b.getAsLong()) {
        problems.add(pair[0] + " and " + pair[1] + " must print equal: " + a + " != " + b);
      }
    }
  }
}
