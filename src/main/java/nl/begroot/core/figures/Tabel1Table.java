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
import nl.begroot.core.model.Programme;

/** Tabel 1: the budget volume, the programmes' frames and changes added up. */
final class Tabel1Table {
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
    s.tables.add(new Table(t, "Tabel 1. Begrotingsvolume " + s.budget.organisation().shortName() + " " + years.get(0) + " t/m " + years.get(years.size() - 1), 100_000, s.yearColumns(), rows));
  }
}
