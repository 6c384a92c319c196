package nl.begroot.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.core.actuals.ActualsImport;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import org.junit.jupiter.api.Test;

/**
 * The core of the import line by line, against totals added up by hand: the totals kept per
 * target, year and period (decision 171) over the budget's first and last year and the closing
 * period 13, a total that comes to 0 kept as a row, the place of a problem made from its line, column
 * and path.
 */
class ActualsImportTest {
  static final Budget IPO = TestBudgets.ipo(); // years 2026-2030; 4300 on KP2.3 is 2.3 lasten, 8000 (any centre) 4.2 baten

  @Test
  void linesAddUpPerUnitSideYearAndPeriodToTheCent() {
    ActualsImport i = new ActualsImport(IPO);
    i.line("4300", "Programmakosten", "KP2.3", false, 2026, 1, 100_000, 0, 10, 5, "p");
    i.line("4300", "Programmakosten", "KP2.3", false, 2026, 1, 0, 25_001, 11, 5, "p"); // 1000,00 - 250,01 = 749,99
    i.line("4300", "Programmakosten", "KP2.3", false, 2030, 13, 7, 0, 12, 5, "p");
    i.line("8000", "Bijdragen provincies", "KP2.3", false, 2026, 2, 0, 50_000, 13, 5, "p"); // no rule for KP2.3: the account's
    i.line("8000", "Bijdragen provincies", null, false, 2026, 2, 50_000, 0, 14, 5, "p"); // baten 500,00 - 500,00 = 0
    i.line("1100", "Bank", null, true, 2026, 1, 99, 0, 15, 5, "p");
    ActualsImport.Outcome o = i.result();
    assertThat(o).isInstanceOf(ActualsImport.Outcome.Imported.class);
    var r = ((ActualsImport.Outcome.Imported) o).realisation();
    assertThat(r.amounts()).containsExactly(
        new RealisedAmount("2.3", Side.LASTEN, MoneyKind.OWN, null, 2026, 1, 74_999),
        new RealisedAmount("4.2", Side.BATEN, MoneyKind.OWN, null, 2026, 2, 0),
        new RealisedAmount("2.3", Side.LASTEN, MoneyKind.OWN, null, 2030, 13, 7));
    assertThat(r.periods()).containsExactly(new ActualsImport.YearPeriod(2026, 1), new ActualsImport.YearPeriod(2026, 2),
        new ActualsImport.YearPeriod(2030, 13));
    assertThat(r.lines()).isEqualTo(6);
    assertThat(r.balanceLines()).isEqualTo(1);
  }

  @Test
  void aProblemSaysItsPlace() {
    ActualsImport i = new ActualsImport(IPO);
    i.line("4300", "Programmakosten", "KP2.3", false, 2026, 0, 1, 0, 21, 7, "a/b");
    i.line("4300", "Programmakosten", "KP2.3", false, 2031, 1, 1, 0, 22, 0, null);
    i.line("4300", "Programmakosten", "KP2.3", false, 2025, 14, 1, 0, 23, 0, null);
    i.line("4301", "Onbekend", null, false, 2026, 1, 1, 0, 24, 3, "x");
    i.line("4301", "Onbekend", null, false, 2026, 1, 1, 0, 25, 3, "x");
    List<String> problems = ((ActualsImport.Outcome.Refused) i.result()).problems().stream().map(Object::toString).toList();
    assertThat(problems).containsExactly(
        "line 24, column 3 (x): account 4301 'Onbekend' is not in the ledger mapping (2 lines); map it to a unit, side and money",
        "line 21, column 7 (a/b): period 0 is unknown: a period is 1 to 13",
        "line 22: year 2031 is not a year of this budget ([2026, 2027, 2028, 2029, 2030])",
        "line 23: year 2025 is not a year of this budget ([2026, 2027, 2028, 2029, 2030])");
  }

  @Test
  void anOverflowIsAProblemNotAWrongTotal() {
    ActualsImport i = new ActualsImport(IPO);
    i.line("4300", "Programmakosten", "KP2.3", false, 2026, 1, Long.MAX_VALUE - 1, 0, 1, 1, null);
    i.line("4300", "Programmakosten", "KP2.3", false, 2026, 1, 2, 0, 2, 1, null);
    assertThat(((ActualsImport.Outcome.Refused) i.result()).problems().toString()).contains("line 2, column 1: the amounts of account 4300 add up");
  }
}
