package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureSheet.minus;
import static nl.begroot.core.figures.FigureSheet.plus;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;

/** The structural overview: recurring and one-off lasten and baten, each the sum of the lines of its nature and side, and what is not structurally covered. */
final class StructuralTable {
  private final FigureSheet s;

  /* the lines of each side except the balancing line, by position in order, with each one's nature and whether it has a breakdown: taken once, not per row and year */
  private final int[][] linesOf = new int[Side.values().length][];
  private final Nature[] natureOf;
  private final boolean[] broken;

  StructuralTable(FigureSheet sheet) {
    this.s = sheet;
    List<Proposal> proposals = sheet.budget.proposals();
    int n = proposals.size();
    natureOf = new Nature[n];
    broken = new boolean[n];
    int[][] lines = new int[Side.values().length][n];
    int[] count = new int[Side.values().length];
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      natureOf[i] = p.nature();
      broken[i] = p.breakdown() != null;
      if (p.rule() != Proposal.Rule.BALANCING) {
        int side = p.side().ordinal();
        lines[side][count[side]++] = i;
      }
    }
    for (int side = 0; side < lines.length; side++) {
      linesOf[side] = java.util.Arrays.copyOf(lines[side], count[side]);
    }
  }

  void build() {
    int balancingIndex = s.balancingIndex();
    String t = FigureIds.STRUCTURAL;
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      for (Computation.StructuralRow row : Computation.StructuralRow.values()) {
        String rowId = structuralRowId(row);
        s.sum(of(t, rowId, year), structuralLabel(row), natureTerms(row, year), NATURE_RULE);
        s.check(of(t, rowId, year), s.c.structural(row, y));
      }
      s.sum(of(t, "recurring.saldo", year), "Structureel saldo", List.of(plus(of(t, "recurring.lasten", year)), minus(of(t, "recurring.baten", year))), "lasten - baten");
      s.sum(of(t, "one-off.saldo", year), "Incidenteel saldo", List.of(plus(of(t, "one-off.lasten", year)), minus(of(t, "one-off.baten", year))), "lasten - baten");
      s.sum(of(t, "saldo", year), "Saldo wijzigingen (te dekken door de leden)", List.of(plus(of(t, "recurring.saldo", year)), plus(of(t, "one-off.saldo", year))), "structureel + incidenteel");
      if (balancingIndex >= 0) {
        String bid = s.lineId(balancingIndex, year);
        s.check(of(t, "saldo", year), s.graph.get(bid).cents());
        s.graph.requireEqual(of(t, "saldo", year), bid);
        s.sum(of(t, "uncovered", year), "Structurele lasten niet structureel gedekt",
            List.of(plus(of(t, "recurring.saldo", year)), minus(bid)),
            "structureel saldo minus the members' higher contribution (counted as recurring): above 0, recurring lasten lean on one-off means");
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.add(s.section("Structureel"));
    rows.add(s.yearRow(t, "recurring.lasten", "Structurele lasten", Style.LINE));
    rows.add(s.yearRow(t, "recurring.baten", "Structurele baten", Style.LINE));
    rows.add(s.yearRow(t, "recurring.saldo", "Structureel saldo", Style.TOTAL));
    rows.add(s.section("Incidenteel"));
    rows.add(s.yearRow(t, "one-off.lasten", "Incidentele lasten", Style.LINE));
    rows.add(s.yearRow(t, "one-off.baten", "Incidentele baten", Style.LINE));
    rows.add(s.yearRow(t, "one-off.saldo", "Incidenteel saldo", Style.TOTAL));
    rows.add(s.yearRow(t, "saldo", "Saldo wijzigingen (te dekken door de leden)", Style.TOTAL));
    if (balancingIndex >= 0) {
      rows.add(s.yearRow(t, "uncovered", "Structurele lasten niet structureel gedekt (> 0: incidenteel gedekt)", Style.TOTAL));
    }
    s.tables.add(new Table(t, "Structureel en incidenteel", 100_000, s.yearColumns(), rows));
  }

  /** The rule of a structural row: its lines, and the components of a breakdown by their own nature. */
  static final String NATURE_RULE = "sum of the lines of this nature and side (a breakdown's components count by their own nature)";

  private static String structuralRowId(Computation.StructuralRow row) {
    return switch (row) {
      case RECURRING_LASTEN -> "recurring.lasten";
      case RECURRING_BATEN -> "recurring.baten";
      case ONE_OFF_LASTEN -> "one-off.lasten";
      case ONE_OFF_BATEN -> "one-off.baten";
    };
  }

  private static String structuralLabel(Computation.StructuralRow row) {
    return switch (row) {
      case RECURRING_LASTEN -> "Structurele lasten";
      case RECURRING_BATEN -> "Structurele baten";
      case ONE_OFF_LASTEN -> "Incidentele lasten";
      case ONE_OFF_BATEN -> "Incidentele baten";
    };
  }

  /**
   * The parts of a structural row in one year: every line of its side and nature except the balancing
   * line (which the rows explain), as shown in its programme table; a breakdown component of another
   * nature than its line moves from the line's row to its own.
   */
  private List<Term> natureTerms(Computation.StructuralRow row, int year) {
    Side side = row == Computation.StructuralRow.RECURRING_LASTEN || row == Computation.StructuralRow.ONE_OFF_LASTEN ? Side.LASTEN : Side.BATEN;
    Nature nature = row == Computation.StructuralRow.RECURRING_LASTEN || row == Computation.StructuralRow.RECURRING_BATEN ? Nature.RECURRING : Nature.ONE_OFF;
    FigureSheet.Terms terms = s.terms();
    for (int i : linesOf[side.ordinal()]) {
      if (natureOf[i] == nature) {
        terms.line(i, year, 1);
      }
      if (!broken[i]) {
        continue;
      }
      Proposal p = s.budget.proposals().get(i);
      for (Breakdown.Component component : p.breakdown().components()) {
        String raw = of(FigureIds.breakdownRawTable(s.proposalId(i)), component.id(), year);
        if (component.nature() == p.nature() || s.graph.find(raw).isEmpty()) {
          continue;
        }
        if (component.nature() == nature) {
          terms.add(plus(raw));
        } else if (p.nature() == nature) {
          terms.add(minus(raw));
        }
      }
    }
    return terms;
  }

}
