package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.accounts.Reserve;
import nl.begroot.core.accounts.ReserveRules;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.store.AnnualAccountsStore;
import nl.begroot.store.Change;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Editing the reserves of annual accounts (docs/accounts.md) through the controller's use case, on one database
 * engine (H2: {@code ReserveEditsTest}; PostgreSQL: {@code store.PostgresReserveEditsTest}). The accounts are those
 * of the small test budget with the realised figures of {@code AccountsWebTest}; every expected figure is worked
 * out here by hand from those and the amounts typed (cents):
 *
 * <pre>
 * without reserves: column c1 (programme 1) deviation +10001, c2 (programme 2) -4000; result deviation 6001
 *   key k 50/30/20: c1 -> 5000,5 3000,3 2000,2 -> A 5001 B 3000 C 2000; c2 -> -2000 -1200 -800
 *   members A 3001, B 1800, C 1200 (together 6001)
 * typed: "Algemene reserve", general, c1, opening "2.500.000", addition "20,00", withdrawal ""
 *        "Bestemmingsreserve ICT", earmarked, c2, opening "100,00", addition "", withdrawal "10"
 *   c1 = 10001 - 2000 = 8001 -> 4000,5 2400,3 1600,2 -> A 4001 (the cent by largest remainder) B 2400 C 1600
 *   c2 = -4000 + 1000 = -3000 -> A -1500 B -900 C -600
 *   members A 2501, B 1500, C 1000; settled 5001 = 6001 - 2000 + 1000
 *   closing balances 250000000 + 2000 = 250002000 and 10000 - 1000 = 9000
 * </pre>
 */
public abstract class ReserveEditsContract {
  static final Actor BERT = Actor.person("bert", "Bert", Set.of(Role.CONTROLLER), Set.of(), null, true);
  static final Actor BO = Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true);
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
  static final String J = "jaarrekening-2026";
  static final AnnualAccountsEdits.ReserveRow GENERAL = new AnnualAccountsEdits.ReserveRow(null, "Algemene reserve", "algemeen", "c1", "2.500.000",
      "20,00", "");
  static final AnnualAccountsEdits.ReserveRow ICT = new AnnualAccountsEdits.ReserveRow(null, "Bestemmingsreserve ICT", "bestemming", "c2", "100,00",
      "", "10");

  protected abstract DatabaseUrl freshDatabase();

  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(freshDatabase());
    workspace = new Workspace(database);
    String yaml = TestBudgets.smallWithActuals();
    workspace.seedIfEmpty(TestBudgets.load(yaml), TestBudgets.SEED);
    var imported = workspace.actuals().importFile(Workspace.CONCEPT, "r.csv", ActualsImports.Format.CSV,
        new ByteArrayInputStream(TestBudgets.SMALL_ACTUALS_CSV.getBytes(StandardCharsets.UTF_8)), 1 << 20, BERT, bytes -> {});
    assertThat(imported).as("%s", imported).isInstanceOf(ActualsImports.Result.Imported.class);
    saved(workspace.moveVersion(Workspace.CONCEPT, VersionMove.SUBMIT, null, null, null, BERT));
    saved(workspace.moveVersion(Workspace.CONCEPT, VersionMove.ADOPT, TODAY, "Algemene Vergadering", "AV 1", BO));
    saved(workspace.annualAccounts().start(Workspace.CONCEPT, "2026", BERT));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static void saved(EditResult r) {
    assertThat(r).as("%s", r).isInstanceOf(EditResult.Saved.class);
  }

  private AnnualAccountsEdits.View view() {
    return workspace.annualAccounts().view(J, BERT).orElseThrow();
  }

  private EditResult save(String revision, AnnualAccountsEdits.ReserveRow... rows) {
    return workspace.annualAccounts().reserves(J, Arrays.asList(rows), revision, BERT);
  }

  private List<Change> reserveEntries() {
    return workspace.changes(workspace.snapshot(J).orElseThrow(), 100).stream().filter(c -> c.action().equals("accounts.reserves")).toList();
  }

  private static long own(AnnualAccounts a, String member) {
    return a.members().stream().filter(m -> m.member().id().equals(member)).findFirst().orElseThrow().ownTotal();
  }

  @Test
  void theReservesTypedAreSavedLoggedAndTheSettlementChangesByHand() {
    AnnualAccounts before = view().accounts();
    assertThat(before.reserves()).isEmpty();
    assertThat(List.of(own(before, "A"), own(before, "B"), own(before, "C"))).containsExactly(3001L, 1800L, 1200L);
    assertThat(view().settings().revision()).isEqualTo(1);

    saved(save("1", GENERAL, ICT, new AnnualAccountsEdits.ReserveRow(null, "", "algemeen", "c1", "", "", ""))); // the spare row is no reserve

    AnnualAccountsEdits.View after = view();
    assertThat(after.settings().revision()).isEqualTo(2);
    AnnualAccounts a = after.accounts();
    assertThat(a.reserves()).containsExactly(
        new Reserve("algemene-reserve", "Algemene reserve", Reserve.Kind.GENERAL, "c1", 250_000_000, 2_000, 0),
        new Reserve("bestemmingsreserve-ict", "Bestemmingsreserve ICT", Reserve.Kind.EARMARKED, "c2", 10_000, 0, 1_000));
    assertThat(a.reserves()).extracting(Reserve::closing).containsExactly(250_002_000L, 9_000L);
    assertThat(a.columns()).extracting(AnnualAccounts.SettledColumn::amount).containsExactly(8_001L, -3_000L);
    assertThat(a.columns().get(0).perMember()).containsExactly(4_001, 2_400, 1_600);
    assertThat(a.columns().get(1).perMember()).containsExactly(-1_500, -900, -600);
    assertThat(List.of(own(a, "A"), own(a, "B"), own(a, "C"))).containsExactly(2_501L, 1_500L, 1_000L);
    assertThat(a.settled()).isEqualTo(6_001 - 2_000 + 1_000);
    // the movement table and the appropriation are figures of the document: the reserves' totals and what goes to the members
    var graph = a.document().graph();
    assertThat(graph.get(AnnualAccounts.RESERVES + "/totaal/eind").cents()).isEqualTo(250_002_000L + 9_000L);
    assertThat(graph.get(AnnualAccounts.RESERVES + "/totaal/toevoeging").cents()).isEqualTo(2_000L);
    assertThat(graph.get(AnnualAccounts.RESERVES + "/totaal/onttrekking").cents()).isEqualTo(1_000L);
    assertThat(graph.get(AnnualAccounts.AFREKENING + "/totaal/totaal").cents()).isEqualTo(5_001L);
    assertThat(after.illustrationReserves()).isFalse();

    // one log entry, with the reserves before and after in words
    List<Change> log = reserveEntries();
    assertThat(log).singleElement().satisfies(c -> {
      assertThat(c.actor()).isEqualTo("bert");
      assertThat(c.before()).isNull();
      assertThat(c.after()).isEqualTo("Algemene reserve (algemeen, kolom c1): begin € 2.500.000,00, toevoeging € 20,00, onttrekking € 0,00\n"
          + "Bestemmingsreserve ICT (bestemming, kolom c2): begin € 100,00, toevoeging € 0,00, onttrekking € 10,00");
    });

    // removing a row (sent as none) keeps the other with its id; a new row gets an id of its own
    AnnualAccountsEdits.ReserveRow ict = AnnualAccountsEdits.ReserveRow.of(a.reserves().get(1));
    saved(save("2", null, ict, new AnnualAccountsEdits.ReserveRow(null, "Bestemmingsreserve ICT 2", "bestemming", "c2", "0", "5", "")));
    assertThat(view().accounts().reserves()).extracting(Reserve::id).containsExactly("bestemmingsreserve-ict", "bestemmingsreserve-ict-2");
    // c1 without a reserve again: 10001 -> A 5001; c2 = -4000 + 1000 - 500 = -3500 -> A -1750
    assertThat(own(view().accounts(), "A")).isEqualTo(5_001L - 1_750L);
    assertThat(reserveEntries()).hasSize(2);
  }

  @Test
  void aStaleRevisionIsAConflictThatSavesNothing() {
    saved(save("1", GENERAL));
    EditResult stale = save("1", ICT);
    assertThat(stale).isInstanceOf(EditResult.Conflict.class);
    EditResult.Conflict c = (EditResult.Conflict) stale;
    assertThat(c.currentRevision()).isEqualTo(2);
    assertThat(c.by()).isEqualTo("bert");
    assertThat(c.theirs()).startsWith("Algemene reserve (algemeen, kolom c1)");
    assertThat(c.yours()).startsWith("Bestemmingsreserve ICT (bestemming, kolom c2)");
    assertThat(view().accounts().reserves()).extracting(Reserve::name).containsExactly("Algemene reserve");
    assertThat(reserveEntries()).hasSize(1);

    // the reserves share the accounts' revision with the threshold: a threshold saved meanwhile makes the form stale too
    saved(workspace.annualAccounts().threshold(J, "50000", "5", "2", BERT));
    assertThat(save("2", ICT)).isInstanceOf(EditResult.Conflict.class);
    saved(save("3", ICT));
    assertThat(view().accounts().reserves()).extracting(Reserve::name).containsExactly("Bestemmingsreserve ICT");
  }

  @Test
  void invalidReservesAreRefusedAtTheirFieldsAndNothingIsSaved() {
    EditResult r = save("1",
        new AnnualAccountsEdits.ReserveRow(null, "Te veel eruit", "algemeen", "c1", "100", "", "100,01"),
        new AnnualAccountsEdits.ReserveRow(null, "te veel ERUIT ", "bestemming", "c2", "1", "", ""),
        new AnnualAccountsEdits.ReserveRow(null, "Op de som", "algemeen", "total", "1", "", ""),
        new AnnualAccountsEdits.ReserveRow(null, "Engels getal", "algemeen", "c1", "2,500.00", "", ""),
        new AnnualAccountsEdits.ReserveRow(null, "Geen soort", "x", "c1", "1", "-5", ""),
        new AnnualAccountsEdits.ReserveRow(null, "", "algemeen", "c1", "7", "", ""),
        new AnnualAccountsEdits.ReserveRow(null, "Zonder stand", "algemeen", "c1", "", "3", ""));
    assertThat(r).isInstanceOf(EditResult.Invalid.class);
    List<FieldError> errors = ((EditResult.Invalid) r).errors();
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("reserves[0].withdrawal", "reserves[1].name", "reserves[2].column",
        "reserves[3].opening", "reserves[4].kind", "reserves[4].addition", "reserves[5].name", "reserves[6].opening");
    assertThat(errors).filteredOn(e -> e.field().equals("reserves[0].withdrawal")).singleElement()
        .satisfies(e -> assertThat(e.nl()).isEqualTo("Te veel eruit: de onttrekking is meer dan de reserve heeft (stand 1 januari plus toevoeging)."));
    assertThat(errors).filteredOn(e -> e.field().equals("reserves[3].opening")).singleElement()
        .satisfies(e -> assertThat(e.nl()).contains("'2,500.00' is geen bedrag in euro's"));
    assertThat(errors).filteredOn(e -> e.field().equals("reserves[2].column")).singleElement()
        .satisfies(e -> assertThat(e.en()).contains("'total' is not a column of the annex that gathers programmes or units"));
    // nothing saved: no reserve, the same revision, no log entry
    assertThat(view().accounts().reserves()).isEmpty();
    assertThat(view().settings().revision()).isEqualTo(1);
    assertThat(reserveEntries()).isEmpty();

    // a withdrawal of exactly what the reserve holds is fine; one cent more is not
    saved(save("1", new AnnualAccountsEdits.ReserveRow(null, "Precies", "algemeen", "c1", "100", "0,01", "100,01")));
    assertThat(save("2", new AnnualAccountsEdits.ReserveRow(null, "Precies", "algemeen", "c1", "100", "0,01", "100,02")))
        .isInstanceOf(EditResult.Invalid.class);

    // more reserves than the accounts hold: said for the list, nothing saved
    List<AnnualAccountsEdits.ReserveRow> many = new ArrayList<>();
    for (int i = 0; i <= ReserveRules.MAX_RESERVES; i++) {
      many.add(new AnnualAccountsEdits.ReserveRow(null, "Reserve nummer " + i, "algemeen", "c1", "1", "", ""));
    }
    EditResult tooMany = workspace.annualAccounts().reserves(J, many, "2", BERT);
    assertThat(tooMany).isInstanceOf(EditResult.Invalid.class);
    assertThat(((EditResult.Invalid) tooMany).errors()).extracting(FieldError::field).containsExactly("reserves");
    assertThat(view().accounts().reserves()).extracting(Reserve::name).containsExactly("Precies");
  }

  @Test
  void submittedOrAdoptedAccountsChangeNoMore() {
    saved(save("1", GENERAL));
    AnnualAccountsStore store = new AnnualAccountsStore(database);
    long id = workspace.version(J).orElseThrow().id();
    List<Reserve> other = List.of(new Reserve("x", "X", Reserve.Kind.GENERAL, "c1", 1, 0, 0));

    saved(workspace.moveVersion(J, VersionMove.SUBMIT, null, null, null, BERT));
    // the use case asks Access (a submitted version is not editable); the store refuses in its own transaction too
    assertThatThrownBy(() -> save("2", ICT)).isInstanceOf(Access.Denied.class);
    assertThat(store.reserves(id, other, 2, "bert", locked -> List.of())).isInstanceOf(AnnualAccountsStore.Written.Final.class);

    saved(workspace.moveVersion(J, VersionMove.ADOPT, TODAY, "Algemene Vergadering", "AV JR", BO));
    assertThatThrownBy(() -> save("2", ICT)).isInstanceOf(Access.Denied.class);
    assertThat(store.reserves(id, other, 2, "bert", locked -> List.of())).isInstanceOf(AnnualAccountsStore.Written.Final.class);
    assertThat(view().accounts().reserves()).extracting(Reserve::name).containsExactly("Algemene reserve");
    assertThat(reserveEntries()).hasSize(1);
  }

  @Test
  void theStoreChecksTheReservesOnTheVersionAsItReadsIt() {
    AnnualAccountsStore store = new AnnualAccountsStore(database);
    long id = workspace.version(J).orElseThrow().id();
    List<Reserve> wrong = List.of(new Reserve("x", "X", Reserve.Kind.GENERAL, "total", 1, 0, 0));
    var w = store.reserves(id, wrong, 1, "bert", locked -> {
      assertThat(locked.version().id()).isEqualTo(id);
      assertThat(locked.reserves()).isEmpty();
      return ReserveRules.check(workspace.state(locked.version(), locked.proposals()).budget().annex(), wrong);
    });
    assertThat(w).isInstanceOf(AnnualAccountsStore.Written.Refused.class);
    assertThat(store.reserves(id)).isEmpty();
    assertThat(store.settings(id).orElseThrow().revision()).isEqualTo(1);
  }
}
