package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureIds.programmeTable;
import static nl.begroot.core.figures.FigureSheet.minus;
import static nl.begroot.core.figures.FigureSheet.plus;
import static nl.begroot.core.figures.FigureSheet.pl;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;

/** A programme's table: its frame (I), its proposal lines and their totals (II), its new frame (III). */
final class ProgrammeTables {
  private final FigureSheet s;

  ProgrammeTables(FigureSheet sheet) {
    this.s = sheet;
  }

  void build(Programme programme) {
    String t = programmeTable(programme.id());
    int p = s.programmeIndex(programme);
    int[] lasten = s.linesOf(programme, Side.LASTEN);
    int[] baten = s.linesOf(programme, Side.BATEN);
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      FigureSheet.Terms batenTerms = s.terms(baten.length);
      for (int line : baten) {
        batenTerms.line(line, year, 1);
      }
      s.sum(of(t, "change.baten", year), pl(programme, "totaal wijziging baten"), batenTerms, "sum of the baten lines");
      s.check(of(t, "change.baten", year), s.c.changeBaten(p, y));
      s.sum(of(t, "change.saldo", year), pl(programme, "saldo wijzigingen"),
          List.of(plus(of(t, "change.lasten", year)), minus(of(t, "change.baten", year))), "lasten - baten");
      s.sum(of(t, "new.lasten", year), pl(programme, "nieuw kader lasten"),
          List.of(plus(of(t, "frame.lasten", year)), plus(of(t, "change.lasten", year))), "kader + wijziging");
      if (!programme.overheadView()) {
        s.sum(of(t, "new.baten", year), pl(programme, "nieuw kader baten"),
            List.of(plus(of(t, "frame.baten", year)), plus(of(t, "change.baten", year))), "kader + wijziging");
        s.sum(of(t, "new.saldo", year), pl(programme, "nieuw kader saldo"),
            List.of(plus(of(t, "new.lasten", year)), minus(of(t, "new.baten", year))), "lasten - baten");
      }
    }
    var v = s.budget.version();
    List<Row> rows = new ArrayList<>();
    rows.add(s.section("I. " + v.frameTitle()));
    if (programme.overheadView()) {
      rows.add(s.yearRow(t, "frame.lasten", "Totaal personeel- en bedrijfsvoeringslasten", Style.TOTAL));
    } else {
      rows.add(s.yearRow(t, "frame.lasten", "Totaal lasten", Style.TOTAL));
      rows.add(s.yearRow(t, "frame.baten", "Totaal baten", Style.TOTAL));
      rows.add(s.yearRow(t, "frame.saldo", "Saldo", Style.TOTAL));
    }
    rows.add(s.section("II. " + v.proposalsTitle()));
    String group = null;
    List<Proposal> proposals = s.budget.proposals();
    for (int i : lasten) {
      Proposal line = proposals.get(i);
      if (line.group() != null && !line.group().equals(group)) {
        group = line.group();
        rows.add(new Row("group:" + group, group, Style.SUBSECTION, s.emptyCells()));
      }
      rows.add(s.lineRow(i, FigureSheet.lineLabel(line, programme), Style.LINE));
    }
    rows.add(s.yearRow(t, "change.lasten", "Totaal wijziging lasten", Style.TOTAL));
    for (int i : baten) {
      rows.add(s.lineRow(i, FigureSheet.lineLabel(proposals.get(i), programme), Style.LINE));
    }
    rows.add(s.yearRow(t, "change.baten", "Totaal wijziging baten", Style.TOTAL));
    rows.add(s.yearRow(t, "change.saldo", "Saldo", Style.TOTAL));
    rows.add(s.section("III. " + v.newFrameTitle()));
    if (programme.overheadView()) {
      rows.add(s.yearRow(t, "new.lasten", "Totaal personeel- en bedrijfsvoeringslasten", Style.TOTAL));
    } else {
      rows.add(s.yearRow(t, "new.lasten", "Totaal lasten", Style.TOTAL));
      rows.add(s.yearRow(t, "new.baten", "Totaal baten", Style.TOTAL));
      rows.add(s.yearRow(t, "new.saldo", "Saldo", Style.TOTAL));
    }
    s.tables.add(new Table(t, programme.id() + ". " + programme.title(), 100_000, s.yearColumns(), rows));
  }
}
