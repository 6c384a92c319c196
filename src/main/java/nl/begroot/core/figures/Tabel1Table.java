package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureIds.programmeTable;
import static nl.begroot.core.figures.FigureSheet.minus;
import static nl.begroot.core.figures.FigureSheet.plus;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Cell;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Programme;

/** Tabel 1: the budget volume, the programmes' frames and changes added up. */
public final class Tabel1Table {
  private final FigureSheet s;

  Tabel1Table(FigureSheet sheet) {
    this.s = sheet;
  }

  void build() {
    String t = FigureIds.TABEL_1;
    List<Integer> years = s.years;
    List<Row> rows = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      List<Term> lasten = new ArrayList<>();
      List<Term> baten = new ArrayList<>();
      List<Term> changeBaten = new ArrayList<>();
      for (Programme programme : s.budget.programmes()) {
        String pt = programmeTable(programme.id());
        if (!programme.overheadView()) {
          lasten.add(plus(of(pt, "frame.lasten", year)));
          baten.add(plus(of(pt, "frame.baten", year)));
        }
        changeBaten.add(plus(of(pt, "change.baten", year)));
      }
      s.sum(of(t, "frame.lasten", year), "Tabel 1: kader totaal lasten", lasten, "sum of the frames of the programmes (not the overhead view)");
      s.sum(of(t, "frame.baten", year), "Tabel 1: kader totaal baten", baten, "sum of the frames of the programmes (not the overhead view)");
      s.check(of(t, "frame.lasten", year), s.c.totalFrameLasten(y));
      s.check(of(t, "frame.baten", year), s.c.totalFrameBaten(y));
      s.sum(of(t, "frame.saldo", year), "Tabel 1: kader saldo", List.of(plus(of(t, "frame.lasten", year)), minus(of(t, "frame.baten", year))), "lasten - baten");
      s.sum(of(t, "change.baten", year), "Tabel 1: totaal wijziging baten", changeBaten, "sum over the programmes");
      s.check(of(t, "change.baten", year), s.c.totalChangeBaten(y));
      s.sum(of(t, "new.lasten", year), "Tabel 1: nieuw kader totaal lasten", List.of(plus(of(t, "frame.lasten", year)), plus(of(t, "change.lasten", year))), "kader + wijziging");
      s.sum(of(t, "new.baten", year), "Tabel 1: nieuw kader totaal baten", List.of(plus(of(t, "frame.baten", year)), plus(of(t, "change.baten", year))), "kader + wijziging");
      s.sum(of(t, "new.saldo", year), "Tabel 1: nieuw kader saldo", List.of(plus(of(t, "new.lasten", year)), minus(of(t, "new.baten", year))), "lasten - baten");
    }
    var v = s.budget.version();
    rows.add(s.section("I. " + v.frameTitle()));
    rows.add(s.yearRow(t, "frame.lasten", "Totaal lasten", Style.TOTAL));
    rows.add(s.yearRow(t, "frame.baten", "Totaal baten", Style.TOTAL));
    rows.add(s.yearRow(t, "frame.saldo", "Saldo", Style.TOTAL));
    rows.add(s.section("II. " + v.proposalsTitle()));
    for (String side : List.of("lasten", "baten")) {
      rows.add(new Row("section:" + side, side.equals("lasten") ? "Lasten" : "Baten", Style.SUBSECTION, s.emptyCells()));
      for (Programme programme : s.budget.programmes()) {
        List<Cell> cells = new ArrayList<>();
        for (int year : years) {
          cells.add(Cell.figure(of(programmeTable(programme.id()), "change." + side, year)));
        }
        rows.add(new Row("change." + side + "." + programme.id(), programme.id() + ". " + programme.title(), Style.LINE, cells));
      }
      rows.add(s.yearRow(t, "change." + side, "Totaal wijziging " + side, Style.TOTAL));
    }
    rows.add(s.section("III. " + v.newFrameTitle()));
    rows.add(s.yearRow(t, "new.lasten", "Totaal lasten", Style.TOTAL));
    rows.add(s.yearRow(t, "new.baten", "Totaal baten", Style.TOTAL));
    rows.add(s.yearRow(t, "new.saldo", "Saldo", Style.TOTAL));
    checkLines(rows);
    s.tables.add(new Table(t, "Tabel 1. Begrotingsvolume " + s.budget.organisation().shortName() + " " + years.get(0) + " t/m " + years.get(years.size() - 1), 100_000, s.yearColumns(), rows));
  }

  /** A row of Tabel 1 that holds figures: its id and label as the table has them, and its cents per year. */
  public record Line(String id, String label, long[] cents) {}

  /**
   * Tabel 1's rows that hold figures, in the table's order, with their amounts read from the engine's
   * totals, without building the document (a preview compares these). Each document checks that its
   * Tabel 1 has exactly these rows, labels and amounts ({@link #checkLines}), so the two cannot drift.
   */
  public static List<Line> lines(Computation c) {
    int n = c.yearCount();
    List<Programme> programmes = c.budget().programmes();
    long[] frameLasten = new long[n];
    long[] frameBaten = new long[n];
    long[] frameSaldo = new long[n];
    long[] changeLasten = new long[n];
    long[] changeBaten = new long[n];
    long[] newLasten = new long[n];
    long[] newBaten = new long[n];
    long[] newSaldo = new long[n];
    for (int y = 0; y < n; y++) {
      frameLasten[y] = c.totalFrameLasten(y);
      frameBaten[y] = c.totalFrameBaten(y);
      frameSaldo[y] = Math.subtractExact(frameLasten[y], frameBaten[y]);
      changeLasten[y] = c.totalChangeLasten(y);
      changeBaten[y] = c.totalChangeBaten(y);
      newLasten[y] = Math.addExact(frameLasten[y], changeLasten[y]);
      newBaten[y] = Math.addExact(frameBaten[y], changeBaten[y]);
      newSaldo[y] = Math.subtractExact(newLasten[y], newBaten[y]);
    }
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("frame.lasten", "Totaal lasten", frameLasten));
    lines.add(new Line("frame.baten", "Totaal baten", frameBaten));
    lines.add(new Line("frame.saldo", "Saldo", frameSaldo));
    for (String side : List.of("lasten", "baten")) {
      for (int p = 0; p < programmes.size(); p++) {
        Programme programme = programmes.get(p);
        long[] cents = new long[n];
        for (int y = 0; y < n; y++) {
          cents[y] = side.equals("lasten") ? c.changeLasten(p, y) : c.changeBaten(p, y);
        }
        lines.add(new Line("change." + side + "." + programme.id(), programme.id() + ". " + programme.title(), cents));
      }
      lines.add(new Line("change." + side, "Totaal wijziging " + side, side.equals("lasten") ? changeLasten : changeBaten));
    }
    lines.add(new Line("new.lasten", "Totaal lasten", newLasten));
    lines.add(new Line("new.baten", "Totaal baten", newBaten));
    lines.add(new Line("new.saldo", "Saldo", newSaldo));
    return lines;
  }

  /** Fails unless the table's rows that hold figures are {@link #lines} of the computation, to the cent. */
  private void checkLines(List<Row> rows) {
    List<Line> lines = lines(s.c);
    int k = 0;
    for (Row row : rows) {
      if (row.style() == Style.SECTION || row.style() == Style.SUBSECTION) {
        continue;
      }
      Line line = k < lines.size() ? lines.get(k) : null;
      k++;
      if (line == null || !line.id().equals(row.id()) || !line.label().equals(row.label())) {
        throw new IllegalStateException("internal inconsistency: Tabel 1's row " + row.id() + " is not its line " + (line == null ? "(none)" : line.id()));
      }
      for (int y = 0; y < s.years.size(); y++) {
        s.check(row.cells().get(y).figureId(), line.cents()[y]);
      }
    }
    if (k != lines.size()) {
      throw new IllegalStateException("internal inconsistency: Tabel 1 has " + k + " rows with figures, its lines " + lines.size());
    }
  }
}
