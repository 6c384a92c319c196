package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.begroot.TestBudgets;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Workspace;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hash-chained log on every database (H2 and PostgreSQL subclasses): mixed writes keep one
 * intact chain; a row changed, removed or inserted directly in the database breaks it AT that entry;
 * the database itself refuses a plain UPDATE or DELETE; two writers on one database keep one chain;
 * a backup restores a log that verifies; the entries kept before the chain existed are chained by
 * the migration. Tampering goes around the guard as its owner could: the trigger is disabled
 * (PostgreSQL) or dropped (H2) for the one statement, and put back.
 */
abstract class LogContract extends SeededDatabase {
  AuditLog log;

  @BeforeEach
  void theLog() {
    log = workspace.log();
  }

  /** Writes of every kind: proposals, a key, a scenario and its deletion, sign-ins good and failed, a refusal. */
  private void mixedWrites() {
    Origin.serving(new Origin("192.0.2.7", "Mozilla/5.0 (test)"));
    int year = IPO.version().budgetYear();
    assertThat(workspace.createProposal(Workspace.CONCEPT, new ProposalDraft("2.3-log", "2.3", "Logboek", "lasten", "recurring", null,
        null, Map.of(year, "1.000"), "Een test."), TestBudgets.actor("anna"))).isInstanceOf(EditResult.Saved.class);
    log.record(LogEntry.signIn("bram", true, null));
    log.record(LogEntry.signIn("bram", false, "wrong password"));
    var row = workspace.snapshot(Workspace.CONCEPT).orElseThrow().row("2.3-log").orElseThrow();
    assertThat(workspace.setWithdrawn(Workspace.CONCEPT, "2.3-log", row.revision(), true, TestBudgets.actor("bram")))
        .isInstanceOf(EditResult.Saved.class);
    log.record(LogEntry.refused("anoniem", "POST /v/conceptbegroting-2027/sleutels/ipo", "Sign in first."));
    EditResult copy = workspace.copy(Workspace.CONCEPT, "Scenario logboek", TestBudgets.actor("anna"));
    assertThat(copy).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.delete(((EditResult.Saved) copy).id(), TestBudgets.actor("anna"))).isInstanceOf(EditResult.Saved.class);
    log.record(LogEntry.signOut("bram"));
    Origin.done();
  }

  private long count() {
    return database.jdbi().withHandle(h -> h.createQuery("select count(*) from change_log").mapTo(Long.class).one());
  }

  private long maxId() {
    return database.jdbi().withHandle(h -> h.createQuery("select max(id) from change_log").mapTo(Long.class).one());
  }

  private void sql(String statement) {
    database.jdbi().useHandle(h -> h.execute(statement));
  }

  /** Runs {@code statement} with the log's guard out of the way, as the tables' owner can, and puts the guard back. */
  private void unguarded(String statement) {
    if (database.url().isPostgres()) {
      sql("alter table change_log disable trigger change_log_append_only");
      sql(statement);
      sql("alter table change_log enable trigger change_log_append_only");
    } else {
      sql("drop trigger change_log_append_only");
      sql(statement);
      sql("create trigger change_log_append_only before update, delete on change_log for each row call '" + LogGuard.class.getName()
          + "'");
    }
  }

  @Test
  void mixedWritesKeepOneIntactChainWithoutGaps() {
    mixedWrites();
    AuditLog.Verification v = log.verify();
    assertThat(v.intact()).as(v.summary()).isTrue();
    assertThat(v.entries()).isEqualTo(count()).isGreaterThanOrEqualTo(2 + 8); // the seed's two, then eight here
    assertThat(v.lastId()).isEqualTo(count()); // ids 1, 2, ... without gaps
    List<Change> all = log.entries(AuditLog.Filter.ALL, null, 100);
    assertThat(all.get(all.size() - 1).prevHash()).isEqualTo(LogChain.GENESIS);
    for (int i = 0; i < all.size() - 1; i++) {
      assertThat(all.get(i).prevHash()).isEqualTo(all.get(i + 1).hash()); // newest first: each names the one before
    }
    Change signIn = all.stream().filter(c -> c.action().equals("session.sign-in") && c.result().equals("failed")).findFirst().orElseThrow();
    assertThat(signIn.originAddress()).isEqualTo("192.0.2.7");
    assertThat(signIn.originClient()).isEqualTo("Mozilla/5.0 (test)");
    assertThat(signIn.detail()).isEqualTo("wrong password");
    assertThat(signIn.versionId()).isNull();
  }

  @Test
  void aChangedEntryBreaksTheChainAtThatEntry() {
    mixedWrites();
    long m = maxId() / 2;
    unguarded("update change_log set actor = 'mallory' where id = " + m);
    AuditLog.Verification v = log.verify();
    assertThat(v.brokenAt()).as(v.summary()).isEqualTo(m);
    assertThat(v.problem()).startsWith("changed");
  }

  @Test
  void aChangedBeforeOrAfterBreaksTheChainAtThatEntry() {
    mixedWrites();
    long m = database.jdbi().withHandle(h -> h.createQuery("select max(id) from change_log where after_yaml is not null")
        .mapTo(Long.class).one());
    unguarded("update change_log set after_yaml = replace(after_yaml, '1000', '9000') where id = " + m);
    assertThat(log.verify().brokenAt()).isEqualTo(m);
  }

  @Test
  void aRemovedEntryBreaksTheChainAtTheEntryAfterIt() {
    mixedWrites();
    long m = maxId() / 2;
    unguarded("delete from change_log where id = " + m);
    AuditLog.Verification v = log.verify();
    assertThat(v.brokenAt()).as(v.summary()).isEqualTo(m + 1);
    assertThat(v.problem()).contains("removed");
  }

  @Test
  void removedLastEntriesAreFoundByTheHead() {
    mixedWrites();
    long last = maxId();
    unguarded("delete from change_log where id >= " + (last - 1));
    AuditLog.Verification v = log.verify();
    assertThat(v.brokenAt()).as(v.summary()).isEqualTo(last);
    assertThat(v.problem()).contains("at the end were removed");
  }

  @Test
  void anEntryInsertedAtTheEndIsFoundEvenWithAValidLink() {
    mixedWrites();
    long last = maxId();
    Change previous = log.entry(last).orElseThrow();
    Change forged = LogChain.chained(new Change(last + 1, null, null, null, LogChain.stored(Instant.now()), "mallory", "session.sign-in",
        "mallory", null, null, "ok", null, null, null, null, null), previous.hash());
    insert(forged);
    AuditLog.Verification v = log.verify();
    assertThat(v.brokenAt()).as(v.summary()).isEqualTo(last + 1);
  }

  @Test
  void anEntryInsertedBetweenTwoIsFoundAtThatEntry() {
    log.record(LogEntry.signIn("anna", true, null));
    // a gap in the ids, as entries kept before the chain existed can have (rolled-back inserts)
    sql("update log_chain_head set last_id = last_id + 5");
    log.record(LogEntry.signIn("bram", true, null));
    long gapAt = maxId() - 3;
    Change before = log.entries(AuditLog.Filter.ALL, gapAt, 1).get(0);
    // linked correctly to the entry before it: only the entry after it shows the break
    Change forged = LogChain.chained(new Change(gapAt, null, null, null, before.at(), "mallory", "session.sign-in", "mallory", null,
        null, "ok", null, null, null, null, null), before.hash());
    insert(forged);
    AuditLog.Verification v = log.verify();
    assertThat(v.brokenAt()).as(v.summary()).isEqualTo(gapAt);
    assertThat(v.problem()).startsWith("inserted");
  }

  @Test
  void aPlainRowInsertedBetweenTwoIsFoundAtThatEntry() {
    log.record(LogEntry.signIn("anna", true, null));
    sql("update log_chain_head set last_id = last_id + 5");
    log.record(LogEntry.signIn("bram", true, null));
    long gapAt = maxId() - 2;
    sql("insert into change_log (id, at, actor, action, target, result, prev_hash, entry_hash) values (" + gapAt
        + ", current_timestamp, 'mallory', 'session.sign-in', 'mallory', 'ok', 'x', 'y')");
    AuditLog.Verification v = log.verify();
    assertThat(v.brokenAt()).as(v.summary()).isEqualTo(gapAt);
    assertThat(v.problem()).startsWith("inserted");
  }

  private void insert(Change c) {
    database.jdbi().useHandle(h -> h.createUpdate("insert into change_log (id, version_id, version_slug, version_name, at, actor,"
            + " action, target, before_yaml, after_yaml, result, origin_address, origin_client, detail, prev_hash, entry_hash)"
            + " values (:id, null, null, null, :at, :actor, :action, :target, null, null, :result, null, null, null, :prev, :hash)")
        .bind("id", c.id()).bind("at", java.sql.Timestamp.from(c.at())).bind("actor", c.actor()).bind("action", c.action())
        .bind("target", c.target()).bind("result", c.result()).bind("prev", c.prevHash()).bind("hash", c.hash()).execute());
  }

  @Test
  void theDatabaseRefusesAPlainUpdateOrDelete() {
    mixedWrites();
    long m = maxId() / 2;
    assertThatThrownBy(() -> sql("update change_log set actor = 'mallory' where id = " + m)).hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("delete from change_log where id = " + m)).hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("delete from change_log")).hasMessageContaining("append-only");
    if (database.url().isPostgres()) {
      assertThatThrownBy(() -> sql("truncate change_log")).hasMessageContaining("append-only");
    }
    AuditLog.Verification v = log.verify();
    assertThat(v.intact()).as(v.summary()).isTrue();
    assertThat(v.entries()).isEqualTo(count());
  }

  @Test
  void twoWritersOnOneDatabaseKeepOneChain() throws Exception {
    try (Database second = Database.open(database.url())) {
      Workspace other = new Workspace(second);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        int year = IPO.version().budgetYear();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          Workspace w = t % 2 == 0 ? workspace : other;
          done.add(pool.submit(() -> {
            for (int i = 0; i < 15; i++) {
              w.log().record(LogEntry.signIn("p" + thread + "-" + i, i % 3 != 0, i % 3 == 0 ? "wrong password" : null));
              if (i % 5 == 0) {
                w.createProposal(Workspace.CONCEPT, new ProposalDraft("2.3-t" + thread + "-" + i, "2.3", "Parallel", "lasten", "recurring",
                    null, null, Map.of(year, "1.000"), "Een test."), TestBudgets.actor("p" + thread));
              }
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    AuditLog.Verification v = log.verify();
    assertThat(v.intact()).as(v.summary()).isTrue();
    assertThat(v.entries()).isEqualTo(3 + 4 * 15 + 4 * 3); // the seed's three (two versions, the frame adopted), 60 sign-ins, 12 proposals
    assertThat(v.lastId()).isEqualTo(v.entries());
  }

  @Test
  void aBackupRestoresALogThatVerifiesAndGoesOn() throws Exception {
    mixedWrites();
    AuditLog.Verification original = log.verify();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Backup.write(database, out);
    Path file = Files.createTempFile("begroot-log", ".zip");
    try {
      Files.write(file, out.toByteArray());
      try (Database restored = Database.open(secondFreshDatabase())) {
        Backup.restore(restored, file);
        AuditLog again = new AuditLog(restored);
        AuditLog.Verification v = again.verify();
        assertThat(v).isEqualTo(original);
        again.record(LogEntry.signIn("anna", true, null));
        AuditLog.Verification after = again.verify();
        assertThat(after.intact()).as(after.summary()).isTrue();
        assertThat(after.lastId()).isEqualTo(original.lastId() + 1);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void theMigrationChainsTheEntriesKeptBeforeIt() {
    DatabaseUrl url = secondFreshDatabase();
    Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password()).locations("classpath:db/migration").target("4").load()
        .migrate();
    org.jdbi.v3.core.Jdbi.create(url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password()).useHandle(h -> {
      for (long id : new long[] {3, 4, 9}) { // with gaps, as rolled-back inserts leave them
        h.execute("insert into change_log (id, version_id, version_slug, version_name, at, actor, action, target, before_yaml,"
            + " after_yaml) values (" + id + ", 7, 'weg', 'Weg', current_timestamp, 'anna', 'proposal.change', 'p', 'a: 1', 'a: 2')");
      }
    });
    try (Database migrated = Database.open(url)) {
      AuditLog chained = new AuditLog(migrated);
      AuditLog.Verification v = chained.verify();
      assertThat(v.intact()).as(v.summary()).isTrue();
      assertThat(v.entries()).isEqualTo(3);
      assertThat(chained.entry(3).orElseThrow().result()).isEqualTo("ok");
      assertThat(chained.record(LogEntry.signIn("anna", true, null)).id()).isEqualTo(10);
      assertThat(chained.verify().intact()).isTrue();
    }
  }
}
