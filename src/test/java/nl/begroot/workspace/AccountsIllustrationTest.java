package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The annual accounts of the illustration on first start (docs/accounts.md): seeded as the server seeds
 * (the IPO, the realised illustration, the cycle's illustration, its Tussenrapportage), the Jaarrekening
 * 2026 is started from the illustration's adopted budget through the controller's use case; some but not
 * all deviations that need an explanation have one (each saying it is an illustration), the audit reports
 * each missing one; the realised totals are the shipped 2026 bookings; a second start makes nothing.
 */
class AccountsIllustrationTest {
  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.freshH2());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), TestBudgets.SEED);
    assertThat(workspace.seedActualsIfNone(TestBudgets.SEED)).isEmpty();
    workspace.seedCycleIllustrationIfNone(TestBudgets.SEED);
    workspace.midyears().seedIllustrationIfNone(TestBudgets.SEED);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theAccountsOf2026AreStartedFromTheIllustrationWithSomeDeviationsExplained() {
    assertThat(workspace.annualAccounts().seedIllustrationIfNone(TestBudgets.SEED)).singleElement().asString().startsWith("jaarrekening-2026");

    StoredVersion accounts = workspace.version("jaarrekening-2026").orElseThrow();
    assertThat(accounts.accounts()).isTrue();
    StoredVersion source = workspace.illustrationBudget().orElseThrow();
    assertThat(accounts.basedOn()).isEqualTo(source.id());
    AnnualAccountsEdits.View view = workspace.annualAccounts().view("jaarrekening-2026", TestBudgets.SEED).orElseThrow();
    AnnualAccounts a = view.accounts();
    assertThat(a.year()).isEqualTo(2026);
    assertThat(view.settings().sourceSlug()).startsWith(source.slug());

    // the realised figures are the shipped bookings of 2026 (own and third-party money; pass-through apart)
    List<RealisedAmount> booked = workspace.actuals().amounts("ipo", 2026);
    long lasten = booked.stream().filter(x -> x.side() == Side.LASTEN && x.money() != MoneyKind.PASS_THROUGH).mapToLong(RealisedAmount::cents).sum();
    long baten = booked.stream().filter(x -> x.side() == Side.BATEN && x.money() != MoneyKind.PASS_THROUGH).mapToLong(RealisedAmount::cents).sum();
    assertThat(a.result().realisedLasten()).isEqualTo(lasten);
    assertThat(a.result().realisedBaten()).isEqualTo(baten);
    // plausible (issue 11 §5): a small result, at most 2 % of the budgeted lasten
    assertThat(Math.abs(a.result().realised()) * 100).as("result " + a.result()).isLessThanOrEqualTo(2 * a.result().budgetLasten());

    // some, not all: the first, third, ... of those over the threshold are explained, each labelled as an illustration
    List<AnnualAccounts.Deviation> required = a.required();
    assertThat(required).hasSizeGreaterThan(1);
    for (int i = 0; i < required.size(); i++) {
      AnnualAccounts.Deviation d = required.get(i);
      if (i % 2 == 0) {
        assertThat(d.explanation()).as(d.key()).startsWith("Illustratie (verzonnen): ");
      } else {
        assertThat(d.missing()).as(d.key()).isTrue();
      }
    }
    assertThat(a.deviations()).filteredOn(d -> !d.required()).allSatisfy(d -> assertThat(d.explanation()).isNull());
    int missing = (required.size()) / 2;
    assertThat(a.missing()).hasSize(missing);
    assertThat(view.findings()).filteredOn(f -> f.check() == Finding.Check.EXPLANATION).hasSize(missing);
    // one stored explanation per explained deviation
    assertThat(view.explanations()).hasSize(required.size() - missing);
  }

  @Test
  void aSecondStartMakesNothing() {
    assertThat(workspace.annualAccounts().seedIllustrationIfNone(TestBudgets.SEED)).hasSize(1);
    int versions = workspace.versions().size();
    var before = workspace.annualAccounts().view("jaarrekening-2026", TestBudgets.SEED).orElseThrow().explanations().keySet();
    assertThat(workspace.annualAccounts().seedIllustrationIfNone(TestBudgets.SEED)).isEmpty();
    assertThat(workspace.versions()).hasSize(versions);
    assertThat(workspace.annualAccounts().view("jaarrekening-2026", TestBudgets.SEED).orElseThrow().explanations().keySet()).isEqualTo(before);
  }
}
