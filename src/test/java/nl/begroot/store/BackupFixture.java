package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/** A database with something of everything in it, and the comparison of two databases after a backup and restore. */
final class BackupFixture {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();

  private BackupFixture() {}

  /**
   * Seeds the IPO budget and makes: a scenario (Anna's own: nobody else changes it) with a changed, a withdrawn and a new proposal and a
   * changed key; an imported version; a scenario that is deleted again (its log stays).
   */
  static void fill(Database db) {
    Workspace w = new Workspace(db);
    w.seedIfEmpty(IPO, nl.begroot.TestBudgets.SEED);
    ok(w.copy(Workspace.CONCEPT, "Scenario A", nl.begroot.TestBudgets.actor("Anna")));
    Snapshot a = w.snapshot("scenario-a").orElseThrow();
    ok(w.changeProposal(a.slug(), "2.7-soc", a.row("2.7-soc").orElseThrow().revision(),
        new ProposalDraft(null, null, null, null, null, null, null, Map.of(2027, "681.000"), null), nl.begroot.TestBudgets.actor("Anna")));
    a = w.snapshot("scenario-a").orElseThrow();
    ok(w.setWithdrawn(a.slug(), "2.3-monitor-gebiedsgericht", a.row("2.3-monitor-gebiedsgericht").orElseThrow().revision(), true, nl.begroot.TestBudgets.actor("Anna")));
    a = w.snapshot("scenario-a").orElseThrow();
    String keyId = a.budget().annex().keyId();
    var key = a.budget().key(keyId).orElseThrow();
    List<Member> members = a.budget().members();
    Map<String, String> shares = new LinkedHashMap<>();
    shares.put(members.get(0).id(), key.sharesPercent().get(members.get(0).id()).add(BigDecimal.ONE).toPlainString());
    shares.put(members.get(1).id(), key.sharesPercent().get(members.get(1).id()).subtract(BigDecimal.ONE).toPlainString());
    ok(w.changeKey(a.slug(), keyId, shares, a.version().revision(), nl.begroot.TestBudgets.actor("Anna")));
    ok(w.copy(Workspace.CONCEPT, "Weg ermee", nl.begroot.TestBudgets.actor("Dirk")));
    ok(w.delete("weg-ermee", nl.begroot.TestBudgets.actor("Dirk")));
    Workspace.ImportResult imported = w.importFile("Ingelezen", "x.yaml", w.export(Workspace.CONCEPT).orElseThrow(), nl.begroot.TestBudgets.actor("Eva"));
    assertThat(imported.slug()).isEqualTo("ingelezen");
    assertThat(w.seedActualsIfNone(nl.begroot.TestBudgets.SEED)).as("the shipped realised figures import").isEmpty();
    // the second organisation (V12): its frame and concept, and Anna a reader there
    w.seedExampleIfAbsent(() -> ((LoadResult.Loaded) BudgetFiles.loadExample()).budget(), BudgetFiles.EXAMPLE_ORGANISATION,
        nl.begroot.TestBudgets.SEED);
    people(w, db);
    assertThat(w.people().grant("anna", BudgetFiles.EXAMPLE_ORGANISATION, java.util.Set.of(nl.begroot.core.access.Role.LEZER), "beheerder"))
        .isTrue();
  }

  /** Anna's password (a controller: no second factor needed). */
  static final String PASSWORD = "paardenbloem-in-de-berm";
  /** Bea's (bestuur: second factor) TOTP secret, known here so that a test can make her a code. */
  static final String BEA_SECRET = nl.begroot.workspace.Totp.newSecret();
  static final String ISSUER = "https://idp.example.nl/realms/ipo";

  /**
   * People: Anna with a password of her own, who signed in once and failed once (so the log has
   * sign-in entries and she has a live session and failure counters, which a backup leaves out);
   * Bea (bestuur) with a second factor whose last used step is two steps ago; Dirk disabled; Eva
   * made on her first sign-in at the identity provider.
   */
  static void people(Workspace w, Database db) {
    var people = w.people();
    var accounts = people.accounts();
    assertThat(people.add(new AccountStore.Account("anna", "Anna de Vries", java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER,
        nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of("2", "3.1"), null, false), "beheerder")).isPresent();
    assertThat(accounts.setPassword("anna", nl.begroot.workspace.Passwords.hash(PASSWORD), false, true)).isTrue();
    assertThat(people.signIn("anna", "not-her-password", "192.0.2.7").step()).isEqualTo(nl.begroot.workspace.People.Step.WRONG);
    assertThat(people.signIn("anna", PASSWORD, "192.0.2.7").step()).isEqualTo(nl.begroot.workspace.People.Step.DONE);
    assertThat(people.add(new AccountStore.Account("bea", "Bea", java.util.Set.of(nl.begroot.core.access.Role.BESTUUR), java.util.Set.of(),
        null, false), "beheerder")).isPresent();
    assertThat(accounts.setPassword("bea", nl.begroot.workspace.Passwords.hash(PASSWORD), false, true)).isTrue();
    accounts.setTotpPending("bea", BEA_SECRET);
    assertThat(accounts.confirmTotp("bea", BEA_SECRET, nl.begroot.workspace.Totp.step(java.time.Instant.now().getEpochSecond()) - 2)).isTrue();
    assertThat(people.add(new AccountStore.Account("gelderland", "Financiën Gelderland", java.util.Set.of(nl.begroot.core.access.Role.LID),
        java.util.Set.of(), "GE", false), "beheerder")).isPresent();
    assertThat(people.add(new AccountStore.Account("dirk", "Dirk", java.util.Set.of(nl.begroot.core.access.Role.LEZER), java.util.Set.of(),
        null, false), "beheerder")).isPresent();
    assertThat(accounts.setPassword("dirk", nl.begroot.workspace.Passwords.hash(PASSWORD), false, true)).isTrue();
    assertThat(people.disable("dirk", true)).isTrue();
    assertThat(new OidcIdentities(db, accounts).signIn(ISSUER, "f81d4fae-7dec", "eva", "Eva Jansen",
        java.util.Set.of(nl.begroot.core.access.Role.LEZER), java.util.Set.of(), null)).isEqualTo("eva");
  }

  static void ok(EditResult r) {
    assertThat(r).isInstanceOf(EditResult.Saved.class);
  }

  static Path backup(Database db, Path dir) throws IOException {
    Path file = dir.resolve("backup-" + System.nanoTime() + ".zip");
    try (OutputStream out = Files.newOutputStream(file)) {
      Backup.write(db, out);
    }
    return file;
  }

  /** Every row of a table, in a fixed order, as text: what "identical" means for rows. */
  static List<String> rows(Database db, String table, String order) {
    return db.jdbi().withHandle(h -> h.createQuery("select * from " + table + " order by " + order).map((rs, ctx) -> {
      StringBuilder sb = new StringBuilder();
      var md = rs.getMetaData();
      java.util.TreeMap<String, String> cols = new java.util.TreeMap<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object v = rs.getObject(i);
        String text;
        if (v instanceof java.sql.Timestamp || v instanceof java.time.OffsetDateTime || v instanceof java.time.temporal.Temporal) {
          text = rs.getTimestamp(i).toInstant().toString();
        } else {
          text = v == null ? "null" : String.valueOf(v);
        }
        cols.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), text);
      }
      cols.forEach((k, v) -> sb.append(k).append('=').append(v).append('\u0001'));
      return sb.toString();
    }).list());
  }

  /** The whole change log, oldest first, through the store's own reading. */
  static List<Change> log(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("select * from change_log order by id").map((rs, ctx) -> VersionStore.change(rs)).list());
  }

  /**
   * The restored database holds the same rows (every column), versions with the same exports and
   * audits, and the same change log as the original; new ids and stamps continue after the restored ones.
   */
  static void assertSame(Database original, Database restored) {
    assertThat(rows(restored, "budget_version", "id")).isEqualTo(rows(original, "budget_version", "id"));
    assertThat(rows(restored, "proposal", "version_id, proposal_id")).isEqualTo(rows(original, "proposal", "version_id, proposal_id"));
    assertThat(rows(restored, "change_log", "id")).isEqualTo(rows(original, "change_log", "id"));
    assertThat(log(restored)).isEqualTo(log(original));
    assertThat(rows(restored, "account", "id")).isEqualTo(rows(original, "account", "id")).isNotEmpty();
    assertThat(rows(restored, "oidc_identity", "issuer, subject")).isEqualTo(rows(original, "oidc_identity", "issuer, subject")).isNotEmpty();
    assertThat(rows(restored, "organisation", "position")).isEqualTo(rows(original, "organisation", "position")).hasSize(2);
    assertThat(rows(restored, "account_role", "account_id, organisation")).isEqualTo(rows(original, "account_role", "account_id, organisation"))
        .isNotEmpty();
    assertThat(new AccountStore(restored).account("anna").orElseThrow().elsewhere())
        .containsEntry(BudgetFiles.EXAMPLE_ORGANISATION, java.util.Set.of(nl.begroot.core.access.Role.LEZER));
    assertThat(new Workspace(restored).version(Workspace.EXAMPLE_CONCEPT).orElseThrow().organisation())
        .isEqualTo(BudgetFiles.EXAMPLE_ORGANISATION);
    assertThat(rows(restored, "realised_period", "organisation, book_year, period"))
        .isEqualTo(rows(original, "realised_period", "organisation, book_year, period")).isNotEmpty();
    assertThat(rows(restored, "realised_amount", "organisation, book_year, period, unit_id, side, money, third_party"))
        .isEqualTo(rows(original, "realised_amount", "organisation, book_year, period, unit_id, side, money, third_party")).isNotEmpty();
    assertThat(new AuditLog(restored).verify()).isEqualTo(new AuditLog(original).verify()).satisfies(v -> assertThat(v.intact()).isTrue());
    // sessions and the throttle's counters are not backed up: nobody is signed in after a restore
    // (the filled original has Anna's session and failure; a restored original has neither)
    assertThat(rows(restored, "web_session", "token_hash")).isEmpty();
    assertThat(rows(restored, "sign_in_failure", "subject")).isEmpty();
    Workspace a = new Workspace(original);
    Workspace b = new Workspace(restored);
    assertThat(b.versions()).isEqualTo(a.versions());
    for (var v : a.versions()) {
      assertThat(b.export(v.slug())).as("export of %s", v.slug()).isEqualTo(a.export(v.slug()));
      Snapshot sa = a.snapshot(v.slug()).orElseThrow();
      Snapshot sb = b.snapshot(v.slug()).orElseThrow();
      assertThat(sb.rows()).isEqualTo(sa.rows());
      assertThat(sb.audit()).as("audit of %s", v.slug()).isEqualTo(sa.audit());
    }
  }

  /**
   * The people of {@link #people} sign in on the restored database as before: Anna with her
   * password, Bea with her password and a code of her second factor (one of a step after the last
   * she used: the restored last step refuses an older one), Dirk not (disabled); Eva's identity at
   * the provider is still her account.
   */
  static void assertSignIn(Database restored) {
    Workspace w = new Workspace(restored);
    var people = w.people();
    var anna = people.signIn("anna", PASSWORD, "198.51.100.1");
    assertThat(anna.step()).isEqualTo(nl.begroot.workspace.People.Step.DONE);
    assertThat(people.session(anna.token()).orElseThrow().roles()).containsExactlyInAnyOrder(nl.begroot.core.access.Role.CONTROLLER,
        nl.begroot.core.access.Role.BUDGETHOUDER);
    assertThat(people.session(anna.token()).orElseThrow().units()).containsExactlyInAnyOrder("2", "3.1");
    assertThat(people.signIn("anna", "not-her-password", "198.51.100.1").step()).isEqualTo(nl.begroot.workspace.People.Step.WRONG);
    var bea = people.signIn("bea", PASSWORD, "198.51.100.1");
    assertThat(bea.step()).isEqualTo(nl.begroot.workspace.People.Step.CODE);
    long now = java.time.Instant.now().getEpochSecond();
    String tooOld = nl.begroot.workspace.Totp.code(BEA_SECRET, now - 3 * nl.begroot.workspace.Totp.STEP_SECONDS);
    String current = nl.begroot.workspace.Totp.code(BEA_SECRET, now);
    if (!tooOld.equals(current)) {
      assertThat(people.code(bea.token(), tooOld, "198.51.100.1").step()).isEqualTo(nl.begroot.workspace.People.Step.CODE);
    }
    var beaDone = people.code(bea.token(), current, "198.51.100.1");
    assertThat(beaDone.step()).isEqualTo(nl.begroot.workspace.People.Step.DONE);
    assertThat(people.session(beaDone.token()).orElseThrow().secondFactor()).isTrue();
    assertThat(people.signIn("dirk", PASSWORD, "198.51.100.1").step()).isEqualTo(nl.begroot.workspace.People.Step.WRONG);
    assertThat(people.accounts().account("gelderland").orElseThrow().member()).isEqualTo("GE");
    assertThat(new OidcIdentities(restored, people.accounts()).linked(ISSUER, "f81d4fae-7dec")).contains("eva");
  }

  /** After a restore, a new version, stamp and log entry come after every restored one (also those of deleted versions). */
  static void assertContinues(Database restored) {
    long maxVersionId = restored.jdbi().withHandle(h -> h.createQuery(
        "select max(m) from (select max(id) as m from budget_version union all select max(version_id) as m from change_log) x")
        .mapTo(Long.class).one());
    long maxStamp = restored.jdbi().withHandle(h -> h.createQuery("select max(stamp) from budget_version").mapTo(Long.class).one());
    long maxChange = restored.jdbi().withHandle(h -> h.createQuery("select max(id) from change_log").mapTo(Long.class).one());
    Workspace w = new Workspace(restored);
    ok(w.copy(Workspace.CONCEPT, "Na het terugzetten", nl.begroot.TestBudgets.actor("Fien")));
    StoredVersion v = w.version("na-het-terugzetten").orElseThrow();
    assertThat(v.id()).isGreaterThan(maxVersionId);
    assertThat(v.stamp()).isGreaterThan(maxStamp);
    List<Change> log = w.store().changes(v.id(), 5);
    assertThat(log).hasSize(1);
    assertThat(log.get(0).id()).isGreaterThan(maxChange);
  }
}
