package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
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
 * A Tussenrapportage is a change of its budget like an amendment (decision 190): once adopted, its
 * proposals are in the budget na wijziging (and so in the annual accounts' budget); one change is open at
 * a time, so a Tussenrapportage and an amendment never start from a basis the other is about to move; a
 * Tussenrapportage gets no amendment of its own; the page offers a start only where the start succeeds.
 * The expected movements are the proposal's own amounts (a recurring € 30.000 of lasten from the budget
 * year moves the balancing item by 3.000.000 cents in each of those years).
 */
class MidyearChangesTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  static final String LINE = "tr-test-1";
  Database database;
  Workspace workspace;
  StoredVersion definitive;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.freshH2());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(IPO, TestBudgets.SEED);
    workspace.seedCycleIllustrationIfNone(TestBudgets.SEED); // an adopted definitive budget with adopted amendment 1
    definitive = workspace.illustrationBudget().orElseThrow();
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

  private String startMidyear() {
    EditResult started = workspace.midyears().create(definitive.slug(), "6", TestBudgets.SEED);
    assertThat(started).as("%s", started).isInstanceOf(EditResult.Saved.class);
    return ((EditResult.Saved) started).id();
  }

  private static String message(EditResult r) {
    assertThat(r).as("%s", r).isInstanceOf(EditResult.Invalid.class);
    return ((EditResult.Invalid) r).errors().get(0).nl();
  }

  /** Enters a forecast (the budget's own figures do not matter here) for every unit that needs one. */
  private void forecastEveryUnit(String midyear) {
    for (var r : workspace.midyears().report(midyear, TestBudgets.SEED).orElseThrow().report().missingForecasts()) {
      assertThat(workspace.midyears().saveForecast(midyear, r.unit(), "1.000", "0", "Test", "0", TestBudgets.SEED)).as(r.unit())
          .isInstanceOf(EditResult.Saved.class);
    }
  }

  /**
   * Before any forecast the audit names every unit (all have a budget); with one left out (2.1), submitting
   * is refused naming it and the audit has that one finding; with it, submitting and adopting succeed.
   */
  @Test
  void aMissingForecastIsNamedByTheAuditAndRefusesSubmittingAndAdopting() {
    String midyear = startMidyear();
    List<String> units = new java.util.ArrayList<>();
    IPO.programmes().forEach(p -> p.units().forEach(u -> units.add(u.id())));
    assertThat(workspace.midyears().report(midyear, TestBudgets.SEED).orElseThrow().findings())
        .filteredOn(f -> f.check() == nl.begroot.core.audit.Finding.Check.FORECAST).hasSize(units.size());
    String left = "2.1";
    String title = IPO.programmes().stream().flatMap(p -> p.units().stream()).filter(u -> u.id().equals(left)).findFirst().orElseThrow().title();
    for (String u : units) {
      if (!u.equals(left)) {
        assertThat(workspace.midyears().saveForecast(midyear, u, "1.000", "0", "Test", "0", TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
      }
    }
    assertThat(message(workspace.moveVersion(midyear, VersionMove.SUBMIT, null, null, null, TestBudgets.SEED)))
        .contains("zonder prognose: " + left + " " + title + ".");
    assertThat(workspace.midyears().report(midyear, TestBudgets.SEED).orElseThrow().findings()).singleElement()
        .satisfies(f -> assertThat(f.label()).isEqualTo(left + " " + title));
    assertThat(workspace.midyears().saveForecast(midyear, left, "1.000", "0", "Test", "0", TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.midyears().report(midyear, TestBudgets.SEED).orElseThrow().findings()).isEmpty();
    assertThat(workspace.moveVersion(midyear, VersionMove.SUBMIT, null, null, null, TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.moveVersion(midyear, VersionMove.ADOPT, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(),
        "Algemene Vergadering", "AV-TR", TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
  }

  @Test
  void anAdoptedTussenrapportageChangesTheBudgetNaWijzigingAndTheNextAmendmentStartsFromIt() {
    String midyear = startMidyear();
    StoredVersion tr = workspace.version(midyear).orElseThrow();
    // while it is open, no amendment starts: it would start from a basis the Tussenrapportage is about to move
    assertThat(message(workspace.createAmendment(definitive.slug(), TestBudgets.SEED))).contains(tr.name()).contains("nog open");

    Budget before = workspace.afterAmendments(definitive.slug()).orElseThrow().budget();
    Proposal model = before.proposals().stream().filter(p -> p.rule() == Proposal.Rule.ENTERED && !p.passThrough()
        && p.side() == nl.begroot.core.model.Side.LASTEN && p.thirdParty() == null).findFirst().orElseThrow();
    int year = before.version().budgetYear();
    Map<Integer, String> amounts = new LinkedHashMap<>();
    for (int y : before.version().years()) {
      amounts.put(y, y < year ? "0" : "30.000");
    }
    assertThat(workspace.createProposal(midyear, new ProposalDraft(LINE, model.unit(), "Bijstelling bij de tussenrapportage", "lasten",
        "recurring", model.category(), model.products(), amounts, null), TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.moveProposal(midyear, LINE, ProposalMove.SUBMIT, null, TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.moveProposal(midyear, LINE, ProposalMove.APPROVE, null, TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
    // not adopted yet: the budget na wijziging does not have it
    assertThat(workspace.afterAmendments(definitive.slug()).orElseThrow().budget().proposal(LINE)).isEmpty();
    forecastEveryUnit(midyear);
    assertThat(workspace.moveVersion(midyear, VersionMove.SUBMIT, null, null, null, TestBudgets.SEED)).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.moveVersion(midyear, VersionMove.ADOPT, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(), "Algemene Vergadering", "AV-TR", TestBudgets.SEED))
        .isInstanceOf(EditResult.Saved.class);

    Workspace.AfterAmendments after = workspace.afterAmendments(definitive.slug()).orElseThrow();
    assertThat(after.applied()).containsExactly(1);
    assertThat(after.midyears()).containsExactly(tr.name());
    assertThat(after.budget().proposal(LINE)).isPresent();
    for (int y : IPO.version().years()) {
      assertThat(balancing(after.budget(), y) - balancing(before, y)).as("year %s", y).isEqualTo(y < year ? 0 : 3_000_000L);
    }

    // a Tussenrapportage gets no amendment of its own; the budget's next amendment starts from it
    assertThat(message(workspace.createAmendment(midyear, TestBudgets.SEED))).contains("vastgestelde begroting zelf");
    EditResult second = workspace.createAmendment(definitive.slug(), TestBudgets.SEED);
    assertThat(second).as("%s", second).isInstanceOf(EditResult.Saved.class);
    Workspace.Amendment amendment = workspace.amendment(((EditResult.Saved) second).id()).orElseThrow();
    assertThat(amendment.basis().slug()).isEqualTo(midyear);
    assertThat(amendment.own()).as("nothing of its own yet: the Tussenrapportage's line is its basis's").isEmpty();
    assertThat(workspace.snapshot(amendment.amendment().slug()).orElseThrow().budget().proposal(LINE)).isPresent();
    // the report still measures its proposals against the basis it started from (amendment 1), not against itself
    assertThat(workspace.midyears().report(midyear, TestBudgets.SEED).orElseThrow().basis().amendment()).isTrue();
  }

  @Test
  void noTussenrapportageStartsWhileAnAmendmentIsOpenNorOnAConceptWhoseDefinitiveBudgetIsAdopted() {
    EditResult second = workspace.createAmendment(definitive.slug(), TestBudgets.SEED);
    assertThat(second).as("%s", second).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.midyears().mayStart(definitive, TestBudgets.SEED)).isFalse();
    assertThat(message(workspace.midyears().create(definitive.slug(), "6", TestBudgets.SEED))).contains("Begrotingswijziging 2 is nog open");

    // the illustration's concept is adopted, but its definitive budget is too: the page offers no start, and the start is refused
    StoredVersion concept = workspace.version(CycleIllustration.CONCEPT).orElseThrow();
    assertThat(workspace.midyears().mayStart(concept, TestBudgets.SEED)).isFalse();
    assertThat(message(workspace.midyears().create(concept.slug(), "6", TestBudgets.SEED))).contains("definitieve begroting");
  }
}
