package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger mapping is edited as a whole, checked by the core, written with the change log and the
 * revision check, or not at all; only a controller changes an official version's mapping, and an adopted
 * version's not at all. Expected rows come from the seed's own file (its first rows) and the edits made here.
 */
class MappingEditsTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  static final String V = Workspace.CONCEPT;
  static final Actor CONTROLLER = Actor.person("carla", "Carla", Set.of(Role.CONTROLLER), Set.of(), null, true);
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

  private Budget budget() {
    return workspace.snapshot(V).orElseThrow().budget();
  }

  private int revision() {
    return workspace.snapshot(V).orElseThrow().version().revision();
  }

  /** The stored mapping as form rows, as the page shows it. */
  private List<Workspace.MappingRow> rows() {
    List<Workspace.MappingRow> rows = new ArrayList<>();
    for (LedgerRule r : budget().ledgerMapping()) {
      rows.add(new Workspace.MappingRow(r.account(), r.costCentre(), r.unit(), r.side().name().toLowerCase(java.util.Locale.ROOT),
          r.money().code(), r.thirdParty()));
    }
    return rows;
  }

  private static List<FieldError> errors(EditResult r) {
    assertThat(r).isInstanceOf(EditResult.Invalid.class);
    return ((EditResult.Invalid) r).errors();
  }

  @Test
  void aControllerReplacesTheMappingAndTheChangeIsStoredLoggedAndExported() {
    // the seed maps account 8000 (any cost centre) to unit 4.2, baten, own money: its first row
    assertThat(IPO.ledgerMapping().get(0)).isEqualTo(new LedgerRule("8000", null, "4.2", Side.BATEN, MoneyKind.OWN, null));
    int before = revision();
    int count = IPO.ledgerMapping().size();
    List<Workspace.MappingRow> rows = rows();
    rows.set(0, new Workspace.MappingRow(" 8000 ", "", "4.1", "baten", "own", "")); // spaces and empty fields as a form sends them
    rows.add(new Workspace.MappingRow("4999", "KP2.3", "2.3", "lasten", "third-party", "LVVN"));
    rows.add(new Workspace.MappingRow("", "", "", "", "", "")); // an unused row of the form
    rows.add(null); // a row marked for deletion

    assertThat(workspace.changeMapping(V, rows, before, CONTROLLER)).isInstanceOf(EditResult.Saved.class);

    List<LedgerRule> now = budget().ledgerMapping();
    assertThat(now).hasSize(count + 1);
    assertThat(now.get(0)).isEqualTo(new LedgerRule("8000", null, "4.1", Side.BATEN, MoneyKind.OWN, null));
    assertThat(now.get(count)).isEqualTo(new LedgerRule("4999", "KP2.3", "2.3", Side.LASTEN, MoneyKind.THIRD_PARTY, "LVVN"));
    assertThat(revision()).isGreaterThan(before);
    assertThat(workspace.changes(workspace.snapshot(V).orElseThrow(), 5)).anySatisfy(c -> {
      assertThat(c.action()).isEqualTo("mapping.change");
      assertThat(c.actor()).isEqualTo("carla");
    });
    assertThat(workspace.export(V).orElseThrow()).contains("account: \"4999\"").contains("cost_centre: KP2.3");
  }

  @Test
  void deletingARowRemovesItAndKeepsTheOthersInOrder() {
    List<Workspace.MappingRow> rows = rows();
    Workspace.MappingRow second = rows.get(1);
    rows.set(0, null);
    assertThat(workspace.changeMapping(V, rows, revision(), CONTROLLER)).isInstanceOf(EditResult.Saved.class);
    assertThat(budget().ledgerMapping()).hasSize(IPO.ledgerMapping().size() - 1);
    assertThat(budget().ledgerMapping().get(0).account()).isEqualTo(second.account());
    assertThat(budget().ledgerMapping().get(0).costCentre()).isEqualTo(second.costCentre());
  }

  @Test
  void theCoresFindingsComeBackAtTheRowAndFieldTypedAndNothingIsSaved() {
    int before = revision();
    List<Workspace.MappingRow> rows = rows();
    Workspace.MappingRow first = rows.get(0);
    rows.set(2, new Workspace.MappingRow("4300", "KP9", "9.9", "lasten", "own", null)); // no unit 9.9
    rows.set(3, new Workspace.MappingRow(first.account(), null, "4.2", "baten", "own", null)); // the first row's account again
    rows.set(4, new Workspace.MappingRow("8500", "KP1.1", "1.1", "baten", "third-party", "NIEMAND")); // no such third party
    rows.set(5, new Workspace.MappingRow("4900", "KP1.1", "1.1", "lasten", "own", "LVVN")); // own money names no third party
    List<FieldError> e = errors(workspace.changeMapping(V, rows, before, CONTROLLER));
    assertThat(e).extracting(FieldError::field).containsExactlyInAnyOrder("row.3.unit", "row.4.account", "row.5.thirdParty", "row.6.thirdParty");
    assertThat(e).filteredOn(x -> x.field().equals("row.3.unit")).singleElement()
        .satisfies(x -> assertThat(x.nl()).isEqualTo("Regel 3: eenheid '9.9' is geen eenheid van een programma."));
    assertThat(e).filteredOn(x -> x.field().equals("row.4.account")).singleElement()
        .satisfies(x -> assertThat(x.nl()).isEqualTo("Regel 4: rekening " + first.account() + " staat al op regel 1."));
    assertThat(e).filteredOn(x -> x.field().equals("row.5.thirdParty")).singleElement()
        .satisfies(x -> assertThat(x.nl()).contains("Regel 5").contains("NIEMAND"));
    assertThat(e).filteredOn(x -> x.field().equals("row.6.thirdParty")).singleElement()
        .satisfies(x -> assertThat(x.nl()).isEqualTo("Regel 6: alleen geld van derden noemt een derde."));
    assertThat(revision()).isEqualTo(before);
    assertThat(budget().ledgerMapping()).isEqualTo(IPO.ledgerMapping());
  }

  @Test
  void aSideOrMoneyThatIsNoneOfTheCodesIsRefusedAtItsField() {
    List<Workspace.MappingRow> rows = rows();
    rows.set(0, new Workspace.MappingRow("8000", null, "4.2", "opbrengst", "eigen", null));
    List<FieldError> e = errors(workspace.changeMapping(V, rows, revision(), CONTROLLER));
    assertThat(e).extracting(FieldError::field).containsExactly("row.1.side", "row.1.money");
    assertThat(e.get(0).nl()).contains("lasten of baten").contains("opbrengst");
  }

  @Test
  void aChangeAtAStaleRevisionIsAConflictAndUndoesNothing() {
    int read = revision();
    List<Workspace.MappingRow> mine = rows();
    List<Workspace.MappingRow> theirs = rows();
    theirs.set(0, new Workspace.MappingRow("8000", null, "4.1", "baten", "own", null));
    assertThat(workspace.changeMapping(V, theirs, read, CONTROLLER)).isInstanceOf(EditResult.Saved.class);
    mine.set(1, null);
    assertThat(workspace.changeMapping(V, mine, read, CONTROLLER)).isInstanceOf(EditResult.Conflict.class);
    assertThat(budget().ledgerMapping().get(0).unit()).isEqualTo("4.1");
    assertThat(budget().ledgerMapping()).hasSize(IPO.ledgerMapping().size());
  }

  @Test
  void onlyAControllerChangesAnOfficialVersionsMappingAndNobodyAnAdoptedOnes() {
    Actor budgethouder = Actor.person("bert", "Bert", Set.of(Role.BUDGETHOUDER), Set.of("4.2"), null, false);
    Actor lid = Actor.person("gelderland", "Gelderland", Set.of(Role.LID), Set.of(), "GE", false);
    for (Actor a : List.of(budgethouder, lid, Actor.ANONYMOUS)) {
      assertThatThrownBy(() -> workspace.changeMapping(V, rows(), revision(), a)).as(a.id()).isInstanceOf(Access.Denied.class);
    }
    // the frame is adopted: final for everyone, the controller and the system included
    int frameRevision = workspace.snapshot(Workspace.FRAME).orElseThrow().version().revision();
    for (Actor a : List.of(CONTROLLER, TestBudgets.SEED)) {
      assertThatThrownBy(() -> workspace.changeMapping(Workspace.FRAME, List.of(), frameRevision, a)).as(a.id())
          .isInstanceOfAny(Access.Denied.class, VersionFinal.class);
    }
    assertThat(workspace.snapshot(Workspace.FRAME).orElseThrow().budget().ledgerMapping()).isEqualTo(IPO.ledgerMapping());
    assertThat(budget().ledgerMapping()).isEqualTo(IPO.ledgerMapping());
  }

  @Test
  void aMappingOfMoreRowsThanTheLimitIsRefusedWhole() {
    List<Workspace.MappingRow> rows = new ArrayList<>();
    for (int i = 0; i <= Workspace.MAX_MAPPING_ROWS; i++) {
      rows.add(new Workspace.MappingRow("A" + i, null, "4.2", "baten", "own", null));
    }
    List<FieldError> e = errors(workspace.changeMapping(V, rows, revision(), CONTROLLER));
    assertThat(e).singleElement().satisfies(x -> assertThat(x.nl()).contains(String.valueOf(Workspace.MAX_MAPPING_ROWS)));
  }
}
