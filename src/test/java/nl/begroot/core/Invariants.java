package nl.begroot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import nl.begroot.TestBudgets;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/** Checks every printed table of a computed document, independently of how it was rounded. */
public final class Invariants {
  private Invariants() {}

  /**
   * Each printed total equals the signed sum of its printed parts (for every way it is a sum), figures
   * that must be equal print equal, and each printed figure is the floor or the ceiling of its exact
   * value. Problems are added to {@code problems}.
   */
  static void checkFooting(TestBudgets.Computed c, List<String> problems) {
    checkFooting(c.document(), c.printed(), problems);
  }

  /** The same for any computed document and its printed figures (a workspace's snapshot, too). */
  public static void checkFooting(nl.begroot.core.figures.Document document, nl.begroot.core.rounding.PrintedFigures printedFigures,
      List<String> problems) {
    var graph = document.graph();
    var c = new TestBudgets.Computed(document, printedFigures);
    for (Table table : document.tables()) {
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

  /**
   * The same promise checked from the document's layout (DOMAIN.md), not from the sums the {@code
   * DocumentBuilder} recorded in the figure graph: in each programme table the change is the sum of
   * its lines and the new frame the frame plus the change; in Tabel 1 the frame is the sum of the
   * programmes' frames (programme 5 left out), the change the sum of the programmes' changes, the
   * new frame their sum; in Bijlage 1 the Te verdelen bedrag is Totaal per deel plus Bedrijfsvoering,
   * each sum column the sum of its columns and the total row the sum of the members. All in printed
   * thousands, read cell by cell from the tables.
   */
  static void checkFootingByLayout(TestBudgets.Computed c, Budget b, List<String> problems) {
    List<Integer> years = b.version().years();
    for (Integer year : years) {
      String y = String.valueOf(year);
      long[] frame = new long[2];
      long[] change = new long[2];
      for (Programme programme : b.programmes()) {
        Table t = c.document().table("programme-" + programme.id()).orElseThrow();
        for (String side : List.of("lasten", "baten")) {
          int s = side.equals("lasten") ? 0 : 1;
          if (cell(c, t, "change." + side, y).isEmpty()) {
            continue; // an overhead view prints no baten
          }
          long sum = 0;
          for (Proposal p : b.proposals()) {
            if (b.programmeOfUnit(p.unit()).orElseThrow() == programme && p.side().name().equalsIgnoreCase(side) && t.row(p.id()) != null) {
              sum += cell(c, t, p.id(), y).orElse(0); // pm and blank print no figure
            }
          }
          equal(problems, t, "change." + side, y, printed(c, t, "change." + side, y), sum);
          change[s] += printed(c, t, "change." + side, y);
          if (cell(c, t, "frame." + side, y).isPresent()) {
            equal(problems, t, "new." + side, y, printed(c, t, "new." + side, y),
                printed(c, t, "frame." + side, y) + printed(c, t, "change." + side, y));
            if (!programme.overheadView()) {
              frame[s] += printed(c, t, "frame." + side, y);
            }
          }
        }
        for (String part : List.of("frame", "change", "new")) {
          if (cell(c, t, part + ".saldo", y).isPresent()) {
            equal(problems, t, part + ".saldo", y, printed(c, t, part + ".saldo", y),
                printed(c, t, part + ".lasten", y) - printed(c, t, part + ".baten", y));
          }
        }
      }
      Table t1 = c.document().table("tabel-1").orElseThrow();
      equal(problems, t1, "frame.lasten", y, printed(c, t1, "frame.lasten", y), frame[0]);
      equal(problems, t1, "frame.baten", y, printed(c, t1, "frame.baten", y), frame[1]);
      equal(problems, t1, "change.lasten", y, printed(c, t1, "change.lasten", y), change[0]);
      equal(problems, t1, "change.baten", y, printed(c, t1, "change.baten", y), change[1]);
      for (String side : List.of("lasten", "baten")) {
        equal(problems, t1, "new." + side, y, printed(c, t1, "new." + side, y),
            printed(c, t1, "frame." + side, y) + printed(c, t1, "change." + side, y));
      }
      Table annex = c.document().table("bijlage-1-" + y).orElseThrow();
      List<String> columns = new ArrayList<>();
      b.annex().columns().forEach(col -> columns.add(col.id()));
      if (b.annex().thirdPartyColumn() != null) {
        columns.add(b.annex().thirdPartyColumn().id());
      }
      for (String col : columns) {
        if (annex.row("totaal-per-deel") != null && cell(c, annex, "totaal-per-deel", col).isPresent()) {
          long bv = cell(c, annex, "bedrijfsvoering", col).orElse(0);
          equal(problems, annex, "te-verdelen", col, printed(c, annex, "te-verdelen", col),
              printed(c, annex, "totaal-per-deel", col) + bv);
        }
        long members = 0;
        for (var m : b.members()) {
          members += printed(c, annex, m.id(), col);
        }
        equal(problems, annex, "totaal", col, printed(c, annex, "totaal", col), members);
      }
      for (Annex.Column col : b.annex().columns()) {
        if (!col.isSum()) {
          continue;
        }
        List<String> rows = new ArrayList<>(List.of("te-verdelen", "totaal"));
        b.members().forEach(m -> rows.add(m.id()));
        for (String row : rows) {
          long sum = 0;
          for (String part : col.sumOf()) {
            sum += printed(c, annex, row, part);
          }
          equal(problems, annex, row, col.id(), printed(c, annex, row, col.id()), sum);
        }
      }
    }
  }

  private static OptionalLong cell(TestBudgets.Computed c, Table t, String row, String column) {
    Table.Row r = t.row(row);
    int i = t.columnIndex(column);
    if (r == null || i < 0 || r.cells().get(i).figureId() == null) {
      return OptionalLong.empty();
    }
    return c.printed().value(t.inThousands(), r.cells().get(i).figureId());
  }

  private static long printed(TestBudgets.Computed c, Table t, String row, String column) {
    return cell(c, t, row, column).orElseThrow(() -> new AssertionError(t.id() + " has no printed figure at " + row + " / " + column));
  }

  private static void equal(List<String> problems, Table t, String row, String column, long printed, long sum) {
    if (printed != sum) {
      problems.add(t.id() + " " + row + " / " + column + ": printed " + printed + " but its printed parts add up to " + sum);
    }
  }
}
