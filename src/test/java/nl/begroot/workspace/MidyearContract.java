package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.core.midyear.MidyearReport;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.store.Change;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.MidyearStore;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Tussenrapportage (docs/midyear.md) through its store ({@link MidyearStore}) and use cases ({@link Midyears},
 * {@link CycleEdits} for submitting and adopting), on one database engine (H2: {@code H2MidyearTest}; PostgreSQL:
 * {@code store.PostgresMidyearTest}), a fresh database per test. The budget is {@link TestBudgets#smallWithActuals()}
 * (programme 1 lasten 1000; programme 2 lasten 500, baten 1500, the balancing line in 2.2; the overhead view 5 inside
 * them), adopted as concept and as definitive budget, with the realised figures of {@link #ACTUALS_2027} (the layout of
 * {@link TestBudgets#SMALL_ACTUALS_CSV}, in the budget year 2027). Every expected figure is worked out here by hand:
 *
 * <pre>
 * realised up to June 2027: 1.1 lasten 550,00 (the 99,00 of July left out); 2.1 lasten 123,45, baten 10,00;
 *   2.2 baten 800,00; the 2026 line left out
 * forecasts: 1.1 lasten 1.150 -> 115000 cents, deviation of programme 1: 1150 - 1000 = +150
 *            2.1 lasten 500, baten 10; 2.2 lasten 0, baten 1.500
 * the report's proposal: 1.1 lasten, 200 in 2027 (0 in 2026) -> the balancing item (2.2 baten) +200 in 2027 = 20000 cents,
 *   0 in 2026
 * </pre>
 */
public abstract class MidyearContract {
  static final Actor BERT = Actor.person("bert", "Bert", Set.of(Role.CONTROLLER), Set.of(), null, true);
  static final Actor CLARA = Actor.person("clara", "Clara", Set.of(Role.CONTROLLER), Set.of(), null, true);
  static final Actor BO = Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true);
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
  static final String LINE = "tr-bijstelling";

  /** Realised figures in the ledger mapping of {@link TestBudgets#smallWithActuals()}: 2027 up to July, and one of 2026. */
  static final String ACTUALS_2027 = """
      jaar;periode;rekening;rekeningnaam;kostenplaats;bedrag;debet_credit
      2027;3;4000;Personeel;KP1.1;550,00;D
      2027;7;4000;Personeel;KP1.1;99,00;D
      2027;2;4000;Personeel;KP2.1;123,45;D
      2027;6;8100;Overige baten;KP2.1;10,00;C
      2027;1;8000;Bijdragen;;800,00;C
      2026;6;4000;Personeel;KP1.1;500,00;D
      """;

  protected abstract DatabaseUrl freshDatabase();

  Database database;
  Workspace workspace;
  String definitive;
  String midyear;

  @BeforeEach
  void open() {
    database = Database.open(freshDatabase());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(TestBudgets.load(TestBudgets.smallWithActuals()), TestBudgets.SEED);
    var imported = workspace.actuals().importFile(Workspace.CONCEPT, "r.csv", ActualsImports.Format.CSV,
        new ByteArrayInputStream(ACTUALS_2027.getBytes(StandardCharsets.UTF_8)), 1 << 20, BERT, bytes -> {});
    assertThat(imported).as("%s", imported).isInstanceOf(ActualsImports.Result.Imported.class);
    adopt(Workspace.CONCEPT);
    definitive = savedId(workspace.createDefinitive(Workspace.CONCEPT, BERT));
    adopt(definitive);
    midyear = savedId(workspace.midyears().create(definitive, "6", BERT));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static String savedId(EditResult r) {
    assertThat(r).as("%s", r).isInstanceOf(EditResult.Saved.class);
    return ((EditResult.Saved) r).id();
  }

  private void adopt(String slug) {
    savedId(workspace.moveVersion(slug, VersionMove.SUBMIT, null, null, null, BERT));
    savedId(workspace.moveVersion(slug, VersionMove.ADOPT, TODAY, "Algemene Vergadering", "AV " + slug, BO));
    assertThat(workspace.version(slug).orElseThrow().status()).isEqualTo(VersionStatus.VASTGESTELD);
  }

  private EditResult forecast(String unit, String lasten, String baten, String reason, String revision) {
    return workspace.midyears().saveForecast(midyear, unit, lasten, baten, reason, revision, BERT);
  }

  private Midyears.Midyear report() {
    return workspace.midyears().report(midyear, BERT).orElseThrow();
  }

  private static MidyearReport.Row row(MidyearReport r, String id) {
    return r.rows().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  private List<Change> forecastEntries() {
    return workspace.changes(workspace.snapshot(midyear).orElseThrow(), 100).stream().filter(c -> c.action().equals("midyear.forecast")).toList();
  }

  private static long balancing(Budget b, int year) {
    Proposal line = b.proposals().stream().filter(p -> p.rule() == Proposal.Rule.BALANCING).findFirst().orElseThrow();
    return nl.begroot.core.pipeline.Pipeline.compute(b).computation().line(b.proposals().indexOf(line)).cents(b.version().years().indexOf(year));
  }

  @Test
  void theReportStartsFromTheAdoptedDefinitiveBudgetWithTheRealisedFiguresUpToItsPeriod() {
    StoredVersion v = workspace.version(midyear).orElseThrow();
    assertThat(v.midyear()).isTrue();
    assertThat(v.status()).isEqualTo(VersionStatus.CONCEPT);
    assertThat(v.name()).isEqualTo("Tussenrapportage 2027 t/m juni");
    assertThat(new MidyearStore(database).period(v.id())).contains(new MidyearStore.Period(2027, 6));
    // one per budget
    assertThat(((EditResult.Invalid) workspace.midyears().create(definitive, "6", BERT)).errors().get(0).nl())
        .isEqualTo("Deze begroting heeft al een tussenrapportage.");
    MidyearReport r = report().report();
    assertThat(row(r, "programma-1").lasten()).isEqualTo(new MidyearReport.Line(1000_00L, 550_00L, null));
    assertThat(row(r, "eenheid-2.1").lasten()).isEqualTo(new MidyearReport.Line(null, 123_45L, null));
    assertThat(row(r, "eenheid-2.1").baten()).isEqualTo(new MidyearReport.Line(null, 10_00L, null));
    assertThat(row(r, "eenheid-2.2").baten()).isEqualTo(new MidyearReport.Line(null, 800_00L, null));
    assertThat(row(r, "programma-2").baten()).isEqualTo(new MidyearReport.Line(1500_00L, 810_00L, null));
    // every unit with a budget or realised figures needs a forecast: 1.1, 2.1, 2.2 (5 has neither)
    assertThat(r.missingForecasts()).extracting(MidyearReport.Row::unit).containsExactly("1.1", "2.1", "2.2");
  }

  @Test
  void aForecastIsSavedLoggedAndAStaleRevisionOrAnInvalidOneChangesNothing() {
    savedId(forecast("1.1", "1.150", "0", "Hogere loonkosten", "0"));
    MidyearStore.StoredForecast f = report().forecasts().get("1.1");
    assertThat(List.of(f.lastenCents(), f.batenCents(), (long) f.revision())).containsExactly(115_000L, 0L, 1L);
    assertThat(f.updatedBy()).isEqualTo("bert");
    assertThat(row(report().report(), "programma-1").lasten().deviation()).isEqualTo(150_00L);
    assertThat(forecastEntries()).singleElement().satisfies(c -> {
      assertThat(c.actor()).isEqualTo("bert");
      assertThat(c.before()).isNull();
      assertThat(c.after()).isEqualTo("prognose_lasten_cents: 115000\nprognose_baten_cents: 0\nreden: \"Hogere loonkosten\"\n");
    });

    // someone who saw no forecast (revision 0) saves after it: a conflict that names what is stored, nothing changed
    EditResult stale = forecast("1.1", "1.200", "0", "Andere schatting", "0");
    assertThat(stale).isInstanceOf(EditResult.Conflict.class);
    assertThat(((EditResult.Conflict) stale).currentRevision()).isEqualTo(1);
    assertThat(((EditResult.Conflict) stale).by()).isEqualTo("bert");
    assertThat(report().forecasts().get("1.1").lastenCents()).isEqualTo(115_000L);
    assertThat(forecastEntries()).hasSize(1);
    // the store itself refuses it too
    long id = workspace.version(midyear).orElseThrow().id();
    assertThat(new MidyearStore(database).save(id, "1.1", 1L, 1L, "x", 0, "bert")).isInstanceOf(MidyearStore.Saved.Conflict.class);
    assertThat(new MidyearStore(database).save(id, "1.1", 1L, 1L, "x", 2, "bert")).isInstanceOf(MidyearStore.Saved.Conflict.class);

    // at the revision seen it is saved, revision 2, logged with before and after
    savedId(forecast("1.1", "1.200", "0", "Andere schatting", "1"));
    assertThat(report().forecasts().get("1.1").revision()).isEqualTo(2);
    assertThat(report().forecasts().get("1.1").lastenCents()).isEqualTo(120_000L);
    assertThat(forecastEntries()).hasSize(2).anySatisfy(c -> {
      assertThat(c.before()).isEqualTo("prognose_lasten_cents: 115000\nprognose_baten_cents: 0\nreden: \"Hogere loonkosten\"\n");
      assertThat(c.after()).isEqualTo("prognose_lasten_cents: 120000\nprognose_baten_cents: 0\nreden: \"Andere schatting\"\n");
    });

    // an invalid forecast: every problem, per field; nothing saved, nothing logged
    EditResult invalid = forecast("2.1", "12,5", "", " ", "0");
    assertThat(invalid).isInstanceOf(EditResult.Invalid.class);
    assertThat(((EditResult.Invalid) invalid).errors()).extracting(FieldError::field).containsExactlyInAnyOrder("lasten", "baten", "reason");
    assertThat(((EditResult.Invalid) invalid).errors()).extracting(FieldError::nl)
        .contains("Prognose lasten: '12,5' is geen bedrag in hele euro's (bijvoorbeeld 1.250.000).", "Geef de reden van de prognose.");
    assertThat(forecast("9.9", "1", "1", "r", "0")).isInstanceOf(EditResult.Invalid.class);
    assertThat(report().forecasts()).containsOnlyKeys("1.1");
    assertThat(forecastEntries()).hasSize(2);
    assertThat(workspace.log().verify().intact()).isTrue();
  }

  @Test
  void theReportsProposalMovesTheBalancingItemAndAfterAdoptionTheBudgetNaWijziging() {
    Budget before = workspace.afterAmendments(definitive).orElseThrow().budget();
    savedId(workspace.createProposal(midyear, new ProposalDraft(LINE, "1.1", "Bijstelling bij de tussenrapportage", "lasten", "recurring",
        null, null, Map.of(2026, "0", 2027, "200"), "Meer werk."), BERT));
    savedId(workspace.moveProposal(midyear, LINE, ProposalMove.SUBMIT, null, BERT));
    savedId(workspace.moveProposal(midyear, LINE, ProposalMove.APPROVE, null, CLARA));
    var effect = report().effect();
    assertThat(effect.balancing().delta(effect.years().indexOf(2027))).isEqualTo(200_00L);
    assertThat(effect.balancing().delta(effect.years().indexOf(2026))).isZero();
    assertThat(report().own()).extracting(p -> p.proposalId()).containsExactly(LINE);

    // submitting is refused while 2.1 and 2.2 have no forecast, naming them
    savedId(forecast("1.1", "1.150", "0", "Hogere loonkosten", "0"));
    EditResult refused = workspace.moveVersion(midyear, VersionMove.SUBMIT, null, null, null, BERT);
    assertThat(refused).isInstanceOf(EditResult.Invalid.class);
    assertThat(((EditResult.Invalid) refused).errors().get(0).nl()).endsWith("zonder prognose: 2.1 Unit 2.1, 2.2 Contributions.");
    assertThat(workspace.version(midyear).orElseThrow().status()).isEqualTo(VersionStatus.CONCEPT);
    savedId(forecast("2.1", "500", "10", "Zoals begroot", "0"));
    savedId(forecast("2.2", "0", "1.500", "Bijdragen zoals begroot", "0"));
    assertThat(report().report().missingForecasts()).isEmpty();
    adopt(midyear);

    // after adoption a forecast is refused: by Access in the use case, and by the store itself (its status under a row lock)
    assertThatThrownBy(() -> forecast("1.1", "1.000", "0", "Later", "1")).isInstanceOf(Access.Denied.class);
    long id = workspace.version(midyear).orElseThrow().id();
    assertThat(new MidyearStore(database).save(id, "1.1", 100_000L, 0L, "Later", 1, "bert")).isEqualTo(new MidyearStore.Saved.Final("vastgesteld"));
    assertThat(report().forecasts().get("1.1").lastenCents()).isEqualTo(115_000L);
    // the database's own guard refuses, also to someone who writes SQL, a change of the adopted report's proposals (V6_1),
    // its forecasts and its report row (V13): each write below is refused, and nothing it touched has changed
    String rowsBefore = reportRows(id);
    assertThat(rowsBefore.toLowerCase(java.util.Locale.ROOT)).as("the report row and the three forecasts saved above are there to be kept")
        .contains("up_to_period=6", "unit_id=1.1", "lasten_cents=115000", "unit_id=2.1", "unit_id=2.2");
    for (String sql : List.of(
        "update proposal set title = 'x' where version_id = :v",
        "update midyear_forecast set lasten_cents = 1 where version_id = :v",
        "delete from midyear_forecast where version_id = :v",
        "insert into midyear_forecast (version_id, unit_id, lasten_cents, baten_cents, reason, revision, updated_at, updated_by)"
            + " values (:v, '9.9', 1, 0, 'x', 0, current_timestamp, 'sql')",
        "update midyear_report set up_to_period = 12 where version_id = :v",
        "delete from midyear_report where version_id = :v")) {
      assertThatThrownBy(() -> {
        try (Handle h = database.jdbi().open()) {
          h.createUpdate(sql).bind("v", id).execute();
        }
      }).as(sql).satisfies(e -> assertThat(VersionStore.finalVersion(e)).as("refused by the trigger: " + e).isTrue());
    }
    assertThat(reportRows(id)).isEqualTo(rowsBefore);

    // the budget na wijziging now has the report's proposal: the balancing item +200 in 2027, as the proposal's own amounts
    Workspace.AfterAmendments after = workspace.afterAmendments(definitive).orElseThrow();
    assertThat(after.midyears()).containsExactly("Tussenrapportage 2027 t/m juni");
    assertThat(after.budget().proposal(LINE)).isPresent();
    assertThat(balancing(after.budget(), 2027) - balancing(before, 2027)).isEqualTo(200_00L);
    assertThat(balancing(after.budget(), 2026) - balancing(before, 2026)).isZero();
    assertThat(workspace.log().verify().intact()).isTrue();
  }

  /** The adopted report's rows as text: its report row, forecasts and proposals' titles, to see that nothing changed. */
  private String reportRows(long id) {
    try (Handle h = database.jdbi().open()) {
      return h.createQuery("select book_year, up_to_period from midyear_report where version_id = :v").bind("v", id).mapToMap().list()
          + " " + h.createQuery("select unit_id, lasten_cents, baten_cents, reason, revision from midyear_forecast where version_id = :v"
              + " order by unit_id").bind("v", id).mapToMap().list()
          + " " + h.createQuery("select proposal_id, title from proposal where version_id = :v order by proposal_id").bind("v", id)
              .mapToMap().list();
    }
  }
}
