package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.TestBudgets;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped illustration of the cycle: an adopted copy of the concept, its adopted definitive budget
 * and one adopted amendment, made through the cycle's own use cases, while the built-in concept stays a
 * draft; the amendment's line moves the balancing item by exactly its amount (the balancing item is
 * what balances lasten and baten).
 */
class CycleIllustrationTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.freshH2());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(IPO, TestBudgets.SEED);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static long balancing(Budget b, int year) {
    Proposal line = b.proposals().stream().filter(p -> p.rule() == Proposal.Rule.BALANCING).findFirst().orElseThrow();
    return nl.begroot.core.pipeline.Pipeline.compute(b).computation().line(b.proposals().indexOf(line))
        .cents(b.version().years().indexOf(year));
  }

  @Test
  void theIllustrationIsAdoptedThroughTheCycleAndTheConceptStaysADraft() {
    assertThat(workspace.seedCycleIllustrationIfNone(TestBudgets.SEED)).hasSize(3);

    StoredVersion concept = workspace.version(CycleIllustration.CONCEPT).orElseThrow();
    assertThat(concept.status()).isEqualTo(VersionStatus.VASTGESTELD);
    assertThat(concept.name()).isEqualTo("Conceptbegroting 2027 (illustratie)");
    StoredVersion definitive = workspace.illustrationBudget().orElseThrow();
    assertThat(definitive.name()).isEqualTo("Begroting 2027 (illustratie)");
    assertThat(definitive.slug()).isEqualTo("definitieve-begroting-2027-illustratie");
    assertThat(definitive.status()).isEqualTo(VersionStatus.VASTGESTELD);
    assertThat(workspace.amendments(definitive.slug())).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(VersionStatus.VASTGESTELD));
    assertThat(workspace.version(Workspace.CONCEPT).orElseThrow().status()).isEqualTo(VersionStatus.CONCEPT);

    // the amendment adds 50.000 euros of recurring lasten from the budget year on: the balancing item rises by exactly that
    Budget before = workspace.snapshot(definitive.slug()).orElseThrow().budget();
    Budget after = workspace.afterAmendments(definitive.slug()).orElseThrow().budget();
    assertThat(after.proposal(CycleIllustration.LINE)).isPresent();
    for (int year : IPO.version().years()) {
      long expected = year < IPO.version().budgetYear() ? 0 : 5_000_000L;
      assertThat(balancing(after, year) - balancing(before, year)).as("year %s", year).isEqualTo(expected);
    }
  }

  /**
   * The shipped realised figures of 2027 run January to June, so the first start's Tussenrapportage reports up to
   * June: a file that declared July to December too (as the illustration once did) made it "t/m december", with
   * every forecast half the budget (the first half year carried over twelve months of twelve).
   */
  @Test
  void theMidYearIllustrationReportsUpToJune() {
    assertThat(workspace.seedActualsIfNone(TestBudgets.SEED)).isEmpty();
    assertThat(workspace.actuals().periods(IPO.organisation().id()).get(2027))
        .extracting(nl.begroot.store.ActualsStore.PeriodSource::period).containsExactly(1, 2, 3, 4, 5, 6);
    workspace.seedCycleIllustrationIfNone(TestBudgets.SEED);
    assertThat(workspace.midyears().seedIllustrationIfNone(TestBudgets.SEED)).singleElement().asString()
        .startsWith("Tussenrapportage 2027 t/m juni:");
  }

  @Test
  void aSecondStartMakesNothing() {
    workspace.seedCycleIllustrationIfNone(TestBudgets.SEED);
    int versions = workspace.versions().size();
    assertThat(workspace.seedCycleIllustrationIfNone(TestBudgets.SEED)).isEmpty();
    assertThat(workspace.versions()).hasSize(versions);
  }
}
