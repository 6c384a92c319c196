package nl.begroot.core.actuals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Unit;

/**
 * The budget of one year set against what was realised up to a period: per programme the budget
 * (the new frame: frame plus the changes of the proposals, lasten and baten, as Tabel 1 has it) and
 * the realised own and third-party money of its units; per unit what it realised (the budget sets
 * frames per programme, not per unit). Pass-through money (kassiersfunctie) is realised apart, per
 * unit. The one owner of this view: the web page and the API both take it from here.
 *
 * @param upToPeriod the last period counted (realised figures of later periods are left out)
 */
public record BudgetVsRealised(int year, int upToPeriod, List<Row> rows, Row total, List<Row> passThrough, boolean anyRealised) {

  /**
   * One row: a programme ({@code unit} null, with its budget) or a unit (budget null). Realised
   * amounts are own plus third-party money; {@code thirdParty...} says how much of it is third-party.
   */
  public record Row(String programme, String unit, String title, Long budgetLasten, long realisedLasten, Long budgetBaten,
      long realisedBaten, long thirdPartyLasten, long thirdPartyBaten) {

    /** Budget minus realised lasten: what is left to spend (null without a budget). */
    public Long leftLasten() {
      return budgetLasten == null ? null : budgetLasten - realisedLasten;
    }

    /** Budget minus realised baten: what is still to come in (null without a budget). */
    public Long leftBaten() {
      return budgetBaten == null ? null : budgetBaten - realisedBaten;
    }
  }

  /** The view for {@code year} up to and including {@code upToPeriod}; a year outside the budget's years has no budget. */
  public static BudgetVsRealised of(Computation computation, List<RealisedAmount> realised, int year, int upToPeriod) {
    Budget b = computation.budget();
    int y = computation.years().indexOf(year);
    Map<String, long[]> perUnit = new HashMap<>(); // lasten, baten, third-party lasten, third-party baten
    Map<String, long[]> passThroughPerUnit = new HashMap<>();
    boolean any = false;
    for (RealisedAmount a : realised) {
      if (a.year() != year || a.period() > upToPeriod) {
        continue;
      }
      any = true;
      long[] sums = (a.money() == MoneyKind.PASS_THROUGH ? passThroughPerUnit : perUnit).computeIfAbsent(a.unit(), u -> new long[4]);
      int col = a.side() == Side.LASTEN ? 0 : 1;
      sums[col] = Math.addExact(sums[col], a.cents());
      if (a.money() == MoneyKind.THIRD_PARTY) {
        sums[col + 2] = Math.addExact(sums[col + 2], a.cents());
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Row> passThrough = new ArrayList<>();
    long[] realisedTotal = new long[4];
    for (int p = 0; p < b.programmes().size(); p++) {
      Programme programme = b.programmes().get(p);
      long[] programmeSums = new long[4];
      List<Row> unitRows = new ArrayList<>();
      for (Unit u : programme.units()) {
        long[] s = perUnit.getOrDefault(u.id(), new long[4]);
        for (int i = 0; i < 4; i++) {
          programmeSums[i] = Math.addExact(programmeSums[i], s[i]);
        }
        unitRows.add(new Row(programme.id(), u.id(), u.title(), null, s[0], null, s[1], s[2], s[3]));
        long[] pt = passThroughPerUnit.get(u.id());
        if (pt != null) {
          passThrough.add(new Row(programme.id(), u.id(), u.title(), null, pt[0], null, pt[1], 0, 0));
        }
      }
      // an overhead view (Bedrijfsvoering, programme.overheadView) has its frame inside the other programmes
      // already: only its proposals add, so that the programme rows add up to the total (Tabel 1's new frame)
      boolean view = programme.overheadView();
      Long budgetLasten = y < 0 ? null : (view ? 0 : computation.frameLasten(p, y)) + computation.changeLasten(p, y);
      Long budgetBaten = y < 0 ? null : (view ? 0 : computation.frameBaten(p, y)) + computation.changeBaten(p, y);
      rows.add(new Row(programme.id(), null, programme.title(), budgetLasten, programmeSums[0], budgetBaten, programmeSums[1],
          programmeSums[2], programmeSums[3]));
      if (programme.units().size() > 1 || (programme.units().size() == 1 && !programme.units().get(0).id().equals(programme.id()))) {
        rows.addAll(unitRows);
      }
      for (int i = 0; i < 4; i++) {
        realisedTotal[i] = Math.addExact(realisedTotal[i], programmeSums[i]);
      }
    }
    Long totalLasten = y < 0 ? null : computation.totalFrameLasten(y) + computation.totalChangeLasten(y);
    Long totalBaten = y < 0 ? null : computation.totalFrameBaten(y) + computation.totalChangeBaten(y);
    Row total = new Row(null, null, "Totaal", totalLasten, realisedTotal[0], totalBaten, realisedTotal[1], realisedTotal[2], realisedTotal[3]);
    return new BudgetVsRealised(year, upToPeriod, List.copyOf(rows), total, List.copyOf(passThrough), any);
  }
}
