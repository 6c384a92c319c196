package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureSheet.plus;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/** The items moved to the pass-through budget (Raming kassiersfunctie), their total and the members' contribution that pays them. */
final class PassThroughTable {
  private final FigureSheet s;

  PassThroughTable(FigureSheet sheet) {
    this.s = sheet;
  }

  void build() {
    String t = FigureIds.PASS_THROUGH;
    List<Row> rows = new ArrayList<>();
    rows.add(s.section("Overgebracht naar de Raming kassiersfunctie"));
    List<Proposal> proposals = s.budget.proposals();
    int[] moved = java.util.stream.IntStream.range(0, proposals.size()).filter(i -> proposals.get(i).passThrough()).toArray();
    int contribution = java.util.stream.IntStream.range(0, proposals.size())
        .filter(i -> proposals.get(i).rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION).findFirst().orElse(-1);
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      List<Term> all = new ArrayList<>();
      for (int i : moved) {
        Proposal p = proposals.get(i);
        FigureSheet.Terms line = s.terms();
        line.line(i, year, -p.saldoSign());
        s.sum(of(t, s.proposalId(i), year), p.title(), line, "the amount the line removes from the association budget");
        all.add(plus(of(t, s.proposalId(i), year)));
      }
      s.sum(of(t, "total", year), "Totaal naar de Raming kassiersfunctie", all, "sum of the moved items");
      long engineTotal = 0;
      for (int p = 0; p < s.budget.programmes().size(); p++) {
        engineTotal += s.c.passThrough(p, y);
      }
      s.check(of(t, "total", year), engineTotal);
      if (contribution >= 0) {
        FigureSheet.Terms line = s.terms();
        line.line(contribution, year, -1);
        s.sum(of(t, "contribution", year), "Bijdrage leden via de kassiersfunctie", line, "the members pay the moved items through the pass-through budget");
        s.graph.requireEqual(of(t, "contribution", year), of(t, "total", year));
      }
    }
    for (int i : moved) {
      Proposal p = proposals.get(i);
      Programme programme = s.programme(i);
      String label = s.lineLabel(p, programme) + (p.passThroughItems().isEmpty() ? "" : " (" + String.join(", ", p.passThroughItems()) + ")");
      rows.add(s.yearRow(t, s.proposalId(i), label, Style.LINE));
    }
    rows.add(s.yearRow(t, "total", "Totaal naar de Raming kassiersfunctie", Style.TOTAL));
    if (s.graph.has(of(t, "contribution", s.years.get(0)))) {
      rows.add(s.yearRow(t, "contribution", "Bijdrage leden via de kassiersfunctie", Style.TOTAL));
    }
    s.tables.add(new Table(t, "Raming kassiersfunctie: overgebrachte ramingen", 100_000, s.yearColumns(), rows));
  }

}
