package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureSheet.plus;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/** A proposal's breakdown into components, shown as entered or negated, whose total equals its line. */
final class BreakdownTables {
  private final FigureSheet s;

  BreakdownTables(FigureSheet sheet) {
    this.s = sheet;
  }

  /** The breakdown table of the proposal at position {@code i}. */
  void build(int i) {
    Proposal p = s.budget.proposals().get(i);
    String id = s.proposalId(i);
    Breakdown breakdown = p.breakdown();
    String t = FigureIds.breakdownTable(id);
    int sign = breakdown.showNegated() ? -1 : 1;
    Programme programme = s.programme(i);
    String line = FigureIds.programmeTable(programme.id());
    List<Row> rows = new ArrayList<>();
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      List<Term> terms = new ArrayList<>();
      boolean any = false;
      for (Breakdown.Component component : breakdown.components()) {
        Amounts a = component.amounts();
        if (a.kind(y) == Amounts.Kind.BLANK) {
          continue;
        }
        any = true;
        String raw = of(FigureIds.breakdownRawTable(id), component.id(), year);
        s.sum(of(t, component.id(), year), component.title(), List.of(new Term(sign, raw)), sign < 0 ? "shown with the opposite sign" : "as entered");
        terms.add(plus(of(t, component.id(), year)));
      }
      if (any) {
        s.sum(of(t, "total", year), breakdown.title(), terms, "sum of the components");
        s.sum(of(t, "line", year), FigureSheet.lineLabel(p, programme), List.of(new Term(sign, of(line, id, year))), "the proposal line");
        s.graph.requireEqual(of(t, "total", year), of(t, "line", year));
      }
    }
    for (Breakdown.Component component : breakdown.components()) {
      rows.add(s.yearRow(t, component.id(), component.id() + ". " + component.title(), Style.LINE));
    }
    rows.add(s.yearRow(t, "total", "Totaal", Style.TOTAL));
    s.tables.add(new Table(t, breakdown.title(), breakdown.inEuros() ? 100 : 100_000, s.yearColumns(), rows));
  }
}
