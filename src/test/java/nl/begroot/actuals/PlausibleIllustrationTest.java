package nl.begroot.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.bench.ActualsFiles;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.accounts.Threshold;
import nl.begroot.core.actuals.ActualsImport;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Side;
import nl.begroot.core.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * The shipped illustration of realised figures is plausible (issue 11 §5: "plausible and consistent with
 * the budget"): read from the shipped CSV and XAF through the seed's ledger mapping, each programme's
 * realised lasten and baten (own and third-party money, summed here per unit's programme) lie within
 * {@value #WITHIN_PERCENT} % of its budget of those months (the budget's column of the year, frame plus
 * changes; an overhead view, whose frame is inside the other programmes, its changes only; times
 * months / 12), a zero budget has nothing realised, the year's result (baten minus lasten) is at most
 * {@value #RESULT_PERCENT} % of the budgeted lasten, and the accounts of 2026 have a few deviations over
 * the default threshold, not all of them. Budgets from the engine's frame and change columns (tested
 * against the seed's printed figures elsewhere), not from {@code BudgetVsRealised} or the accounts.
 */
class PlausibleIllustrationTest {
  static final int WITHIN_PERCENT = 4;
  static final int RESULT_PERCENT = 2;

  static final Budget IPO = TestBudgets.ipo();
  static final Computation C = Pipeline.compute(IPO).computation();

  static String file(String name) throws Exception {
    return Files.readString(IllustrationFilesTest.DIR.resolve(name), StandardCharsets.UTF_8);
  }

  static List<RealisedAmount> amounts(ActualsImport.Outcome o) {
    assertThat(o).isInstanceOf(ActualsImport.Outcome.Imported.class);
    return ((ActualsImport.Outcome.Imported) o).realisation().amounts();
  }

  /** Budget of programme {@code p} in {@code year} for {@code months}: {lasten, baten}, rounded toward zero. */
  static long[] budget(int p, int year, int months) {
    int y = C.years().indexOf(year);
    boolean view = IPO.programmes().get(p).overheadView();
    long lasten = (view ? 0 : C.frameLasten(p, y)) + C.changeLasten(p, y);
    long baten = (view ? 0 : C.frameBaten(p, y)) + C.changeBaten(p, y);
    return new long[] {lasten * months / 12, baten * months / 12};
  }

  /** Realised {lasten, baten} per programme id, own and third-party money, summed by the unit's programme. */
  static Map<String, long[]> realised(List<RealisedAmount> amounts) {
    Map<String, long[]> out = new HashMap<>();
    for (RealisedAmount a : amounts) {
      if (a.money() == MoneyKind.PASS_THROUGH) {
        continue;
      }
      String programme = IPO.programmeOfUnit(a.unit()).map(Programme::id).orElseThrow();
      out.computeIfAbsent(programme, k -> new long[2])[a.side() == Side.LASTEN ? 0 : 1] += a.cents();
    }
    return out;
  }

  static void plausible(List<RealisedAmount> amounts, int year, int months) {
    Map<String, long[]> realised = realised(amounts);
    long budgetLasten = 0;
    long realisedLasten = 0;
    long realisedBaten = 0;
    for (int p = 0; p < IPO.programmes().size(); p++) {
      String id = IPO.programmes().get(p).id();
      long[] b = budget(p, year, months);
      long[] r = realised.getOrDefault(id, new long[2]);
      for (int s = 0; s < 2; s++) {
        String what = year + " t/m " + months + ", programme " + id + (s == 0 ? " lasten" : " baten") + ": budget " + b[s] + ", realised " + r[s];
        if (b[s] == 0) {
          assertThat(r[s]).as(what).isZero();
        } else {
          assertThat(Math.abs(r[s] - b[s]) * 100).as(what).isLessThanOrEqualTo(WITHIN_PERCENT * Math.abs(b[s]));
        }
      }
      budgetLasten += b[0];
      realisedLasten += r[0];
      realisedBaten += r[1];
    }
    assertThat(Math.abs(realisedBaten - realisedLasten) * 100).as("the result of " + year + " against the budgeted lasten " + budgetLasten)
        .isLessThanOrEqualTo(RESULT_PERCENT * budgetLasten);
  }

  @Test
  void realised2026IsWithinAFewPerCentOfTheBudgetPerProgrammeAndSideWithASmallResult() throws Exception {
    List<RealisedAmount> csv = amounts(XafImportTest.readCsv(IPO, file("illustratie-realisatie-2026.csv")));
    plausible(csv, 2026, 12);
    plausible(amounts(XafImportTest.readXaf(IPO, file("illustratie-realisatie-2026.xaf"))), 2026, 12);
  }

  @Test
  void realisedUpToJune2027IsWithinAFewPerCentOfHalfTheBudget() throws Exception {
    plausible(amounts(XafImportTest.readCsv(IPO, file("illustratie-realisatie-2027-t-m-juni.csv"))), 2027, 6);
    plausible(amounts(XafImportTest.readXaf(IPO, file("illustratie-realisatie-2027-t-m-juni.xaf"))), 2027, 6);
  }

  @Test
  void theAccountsOf2026HaveAFewDeviationsOverTheThresholdNotAll() throws Exception {
    List<RealisedAmount> amounts = amounts(XafImportTest.readCsv(IPO, file("illustratie-realisatie-2026.csv")));
    AnnualAccounts a = AnnualAccounts.of(C, 2026, amounts, Threshold.DEFAULT, Map.of(), List.of());
    Map<String, long[]> realised = realised(amounts);
    for (int p = 0; p < IPO.programmes().size(); p++) {
      AnnualAccounts.ProgrammeLine line = a.programmes().get(p);
      long[] b = budget(p, 2026, 12);
      long[] r = realised.getOrDefault(line.programme(), new long[2]);
      assertThat(new long[] {line.budgetLasten(), line.realisedLasten(), line.budgetBaten(), line.realisedBaten()}).as(line.programme())
          .containsExactly(b[0], r[0], b[1], r[1]);
    }
    assertThat(a.required()).hasSizeBetween(2, a.deviations().size() - 1);
  }

  @Test
  void theSeedsLedgerMappingIsTheIllustrationsChartOfAccounts() {
    Set<LedgerRule> seed = new HashSet<>(IPO.ledgerMapping());
    assertThat(seed).isEqualTo(new HashSet<>(ActualsFiles.mapping(IPO)));
  }
}
