package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import nl.begroot.cli.Main;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore on the embedded database: a round trip, a backup beside running writes, damaged files, the commands. */
class BackupRestoreTest {
  @TempDir Path dir;
  Database original;
  final List<Database> opened = new ArrayList<>();

  @BeforeEach
  void fill() {
    original = open(TestDatabases.freshH2());
    BackupFixture.fill(original);
  }

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  private Database open(DatabaseUrl url) {
    Database d = Database.open(url);
    opened.add(d);
    return d;
  }

  @Test
  void h2ToH2GivesTheSameRowsExportsAuditsAndLogAndContinuesAfterThem() throws IOException {
    assertThat(BackupFixture.rows(original, "web_session", "token_hash")).as("Anna is signed in").isNotEmpty();
    assertThat(BackupFixture.rows(original, "sign_in_failure", "subject")).as("and failed once").isNotEmpty();
    Path file = BackupFixture.backup(original, dir);
    Database restored = open(TestDatabases.freshH2());
    Backup.Summary s = Backup.restore(restored, file);
    assertThat(s.rows().get("budget_version")).isEqualTo(6L); // frame, concept, scenario, import (the deleted one is gone); the GR's frame and concept
    assertThat(BackupFixture.log(restored)).anySatisfy(c -> {
      assertThat(c.action()).isEqualTo("version.delete");
      assertThat(c.versionSlug()).isEqualTo("weg-ermee");
    });
    assertThat(BackupFixture.rows(restored, "proposal", "version_id, proposal_id")).anySatisfy(r -> assertThat(r).contains("withdrawn=true"));
    BackupFixture.assertSame(original, restored);
    BackupFixture.assertSignIn(restored);
    BackupFixture.assertContinues(restored);
  }

  /**
   * A backup in format 1 (made before accounts were backed up: the same entries without
   * {@code account.jsonl} and {@code oidc_identity.jsonl}, a manifest without them) still restores:
   * versions, proposals and the log with its chain, and no accounts (the first start then makes the
   * administrator).
   */
  @Test
  void aBackupOfFormatOneWithoutAccountsStillRestores() throws IOException {
    Path v2 = BackupFixture.backup(original, dir);
    Path v1 = dir.resolve("format-1.zip");
    try (ZipFile in = new ZipFile(v2.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(v1))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (e.getName().equals("account.jsonl") || e.getName().equals("oidc_identity.jsonl") || e.getName().startsWith("realised_")
            || e.getName().equals("organisation.jsonl") || e.getName().equals("account_role.jsonl")) {
          continue;
        }
        byte[] bytes;
        try (InputStream st = in.getInputStream(e)) {
          bytes = st.readAllBytes();
        }
        if (e.getName().equals("manifest.json")) {
          var m = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build()
              .readTree(new String(bytes, StandardCharsets.UTF_8));
          assertThat(m.get("format").asString()).isEqualTo(Backup.FORMAT);
          m.put("format", "begroot-backup/1");
          ((tools.jackson.databind.node.ObjectNode) m.get("tables")).remove("account");
          ((tools.jackson.databind.node.ObjectNode) m.get("tables")).remove("oidc_identity");
          ((tools.jackson.databind.node.ObjectNode) m.get("tables")).remove("realised_period");
          ((tools.jackson.databind.node.ObjectNode) m.get("tables")).remove("realised_amount");
          ((tools.jackson.databind.node.ObjectNode) m.get("tables")).remove("organisation");
          ((tools.jackson.databind.node.ObjectNode) m.get("tables")).remove("account_role");
          bytes = m.toString().getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(bytes);
        z.closeEntry();
      }
    }
    Database restored = open(TestDatabases.freshH2());
    Backup.Summary s = Backup.restore(restored, v1);
    assertThat(s.rows()).containsEntry("account", 0L).containsEntry("budget_version", 6L);
    // made before organisations: everything restores into the IPO's
    assertThat(new Workspace(restored).organisations()).extracting(o -> o.slug()).containsExactly("ipo");
    assertThat(new Workspace(restored).versions()).allSatisfy(v -> assertThat(v.organisation()).isEqualTo("ipo"));
    assertThat(BackupFixture.rows(restored, "account", "id")).isEmpty();
    assertThat(BackupFixture.rows(restored, "change_log", "id")).isEqualTo(BackupFixture.rows(original, "change_log", "id"));
    assertThat(new AuditLog(restored).verify().intact()).isTrue();
    assertThat(new Workspace(restored).people().firstStart()).isPresent();
  }

  @Test
  void aNonEmptyDatabaseIsRefusedAndKeepsWhatItHas() throws IOException {
    Path file = BackupFixture.backup(original, dir);
    Database other = open(TestDatabases.freshH2());
    new Workspace(other).seedIfEmpty(BackupFixture.IPO, nl.begroot.TestBudgets.SEED);
    List<String> before = BackupFixture.rows(other, "change_log", "id");
    assertThatThrownBy(() -> Backup.restore(other, file)).isInstanceOf(Backup.RestoreException.class)
        .hasMessageContaining("is not empty (2 versions, 3 change log entries, 0 accounts)"); // the seed: two versions made, the frame adopted
    assertThat(BackupFixture.rows(other, "change_log", "id")).isEqualTo(before);
    // accounts alone make a database not empty: their ids would clash with the backup's
    Database withAdmin = open(TestDatabases.freshH2());
    assertThat(new Workspace(withAdmin).people().firstStart()).isPresent();
    assertThatThrownBy(() -> Backup.restore(withAdmin, file)).isInstanceOf(Backup.RestoreException.class)
        .hasMessageContaining("is not empty (0 versions, 1 change log entries, 1 accounts)");
  }

  @Test
  void aDamagedOrShortenedFileIsRefusedWithAClearMessageAndRestoresNothing() throws IOException {
    Path file = BackupFixture.backup(original, dir);
    byte[] good = Files.readAllBytes(file);

    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
    refused(truncated, "not a complete Begroot backup");

    Path flipped = dir.resolve("flipped.zip");
    byte[] bad = good.clone();
    bad[good.length / 3] ^= 0x5a; // inside the compressed data of a table
    Files.write(flipped, bad);
    refused(flipped, "damaged");

    // a row changed but the ZIP rewritten whole (its own CRC fine): the manifest's checksum catches it
    Path tampered = rewrite(file, "proposal.jsonl", text -> text.replaceFirst("\"withdrawn\":true", "\"withdrawn\":false"));
    refused(tampered, "proposal.jsonl does not match its checksum");

    // a row with a wrong type is named by file, line and column
    Path typed = resign(rewrite(file, "change_log.jsonl", text -> text.replaceFirst("\"id\":(\\d+)", "\"id\":\"x$1\"")));
    refused(typed, "change_log.jsonl, line 1, id: not a whole number");

    Path missingRows = resign(rewrite(file, "change_log.jsonl", text -> text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1)));
    refused(missingRows, "change_log.jsonl has");
    refused(missingRows, "rows; the manifest says");

    Path notABackup = dir.resolve("other.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(notABackup))) {
      z.putNextEntry(new ZipEntry("hello.txt"));
      z.write("hi".getBytes(StandardCharsets.UTF_8));
    }
    refused(notABackup, "is not a Begroot backup: it has no manifest.json");

    Path newer = rewrite(file, "manifest.json", text -> text.replace(Backup.FORMAT, "begroot-backup/9"));
    refused(newer, "is in the format 'begroot-backup/9'");
  }

  /** The restore of {@code file} is refused with {@code message} and the database stays empty (a good file then restores). */
  private void refused(Path file, String message) throws IOException {
    Database target = open(TestDatabases.freshH2());
    assertThatThrownBy(() -> Backup.restore(target, file)).as(file.getFileName().toString())
        .isInstanceOf(Backup.RestoreException.class).hasMessageContaining(message);
    assertThat(BackupFixture.rows(target, "budget_version", "id")).isEmpty();
    assertThat(BackupFixture.rows(target, "proposal", "version_id")).isEmpty();
    assertThat(BackupFixture.rows(target, "change_log", "id")).isEmpty();
    assertThat(BackupFixture.rows(target, "account", "id")).isEmpty();
  }

  /** The backup with the manifest's checksums made to fit its entries again (as a careful forger would). */
  private Path resign(Path file) throws IOException {
    Map<String, String> sums = new HashMap<>();
    try (ZipFile in = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        try (InputStream s = in.getInputStream(e)) {
          sums.put(e.getName(), java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.readAllBytes())));
        } catch (java.security.NoSuchAlgorithmException x) {
          throw new IllegalStateException(x);
        }
      }
    }
    return rewrite(file, "manifest.json", text -> {
      var m = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
      m.get("tables").properties().forEach(t -> ((tools.jackson.databind.node.ObjectNode) t.getValue())
          .put("sha256", sums.get(t.getValue().get("file").asString())));
      return m.toString();
    });
  }

  /** The backup with one entry's text changed, every other entry (and the manifest, unless it is the one) as it was. */
  private Path rewrite(Path file, String entry, java.util.function.UnaryOperator<String> change) throws IOException {
    Path out = dir.resolve("changed-" + System.nanoTime() + ".zip");
    try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (e.getName().equals(entry)) {
          String changed = change.apply(new String(bytes, StandardCharsets.UTF_8));
          assertThat(changed).as("the change applies").isNotEqualTo(new String(bytes, StandardCharsets.UTF_8));
          bytes = changed.getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(bytes);
        z.closeEntry();
      }
    }
    return out;
  }

  /**
   * Backups taken while four writers withdraw, reinstate and copy: each restores into a database
   * whose every version loads and computes, and whose change log agrees with its rows (each
   * proposal's revision counts its logged edits, the last logged state is the stored one), which a
   * backup that read the tables at different moments would break.
   */
  @Test
  void aBackupTakenWhileWritesRunIsConsistent() throws Exception {
    consistentUnderWrites(original, this::open, TestDatabases::freshH2, dir);
  }

  static void consistentUnderWrites(Database source, java.util.function.Function<DatabaseUrl, Database> open,
      java.util.function.Supplier<DatabaseUrl> fresh, Path dir) throws Exception {
    Workspace w = new Workspace(source);
    List<String> ids = List.of("2.3-monitor-gebiedsgericht", "2.7-soc", "1.1-bestuur-ondersteuning");
    List<String> toggled = new ArrayList<>();
    Snapshot sc = w.snapshot("scenario-a").orElseThrow();
    for (String id : ids) {
      if (sc.row(id).isPresent()) {
        toggled.add(id);
      }
    }
    assertThat(toggled).isNotEmpty();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger writes = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      // every writer is Anna: scenario-a is hers, and nobody else changes or copies a private scenario
      writers.add(pool.submit(() -> {
        int i = 0;
        while (!stop.get()) {
          i++;
          if (thread == 3 && i % 3 == 0) {
            if (w.copy("scenario-a", "Kopie " + thread + "-" + i, nl.begroot.TestBudgets.actor("Anna")) instanceof EditResult.Saved) {
              writes.incrementAndGet();
            }
            continue;
          }
          String id = toggled.get((thread + i) % toggled.size());
          Snapshot s = w.snapshot("scenario-a").orElseThrow();
          var row = s.row(id).orElseThrow();
          if (w.setWithdrawn("scenario-a", id, row.revision(), !row.withdrawn(), nl.begroot.TestBudgets.actor("Anna")) instanceof EditResult.Saved) {
            writes.incrementAndGet();
          }
        }
        return null;
      }));
    }
    try {
      for (int b = 0; b < 3; b++) {
        Thread.sleep(300);
        Path file = BackupFixture.backup(source, dir);
        Database restored = open.apply(fresh.get());
        Backup.restore(restored, file);
        assertLogMatchesRows(restored);
      }
    } finally {
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> f : writers) {
      f.get();
    }
    assertThat(writes.get()).as("writes ran during the backups").isGreaterThan(3);
  }

  /** Every version loads and computes; each row's revision and state is what its log entries say. */
  static void assertLogMatchesRows(Database db) {
    Workspace w = new Workspace(db);
    List<Change> log = BackupFixture.log(db);
    for (var v : w.versions()) {
      Snapshot s = w.snapshot(v.slug()).orElseThrow(); // reads and computes: the core refuses a budget that does not balance
      assertThat(s.document().computation().yearCount()).isPositive();
      Map<String, Integer> edits = new HashMap<>();
      Map<String, Change> last = new HashMap<>();
      int keyEdits = 0;
      for (Change c : log) {
        if (c.versionId() == null || c.versionId() != v.id()) { // sign-ins and accounts are about no version
          continue;
        }
        if (c.action().equals("proposal.change") || c.action().equals("proposal.withdraw") || c.action().equals("proposal.reinstate")) {
          edits.merge(c.target(), 1, Integer::sum);
          last.put(c.target(), c);
        } else if (c.action().equals("proposal.submit") || c.action().equals("proposal.approve") || c.action().equals("proposal.reject")) {
          edits.merge(c.target(), 1, Integer::sum); // a move raises the row's revision too (the cycle's illustration moves its line)
        } else if (c.action().startsWith("key.")) {
          keyEdits++;
        }
      }
      assertThat(v.revision()).as("base revision of %s", v.slug()).isEqualTo(1 + keyEdits);
      for (var row : s.rows()) {
        assertThat(row.revision()).as("revision of %s in %s", row.proposalId(), v.slug()).isEqualTo(1 + edits.getOrDefault(row.proposalId(), 0));
        Change c = last.get(row.proposalId());
        if (c != null && !c.action().equals("proposal.change")) {
          assertThat(row.withdrawn()).as("withdrawn %s in %s", row.proposalId(), v.slug()).isEqualTo(c.action().equals("proposal.withdraw"));
        }
      }
      assertThat(log.stream().filter(c -> c.versionId() != null && c.versionId() == v.id()).findFirst()).as("a log entry made %s", v.slug()).isPresent()
          .get().satisfies(c -> assertThat(c.action()).as("the action that made %s", v.slug())
              .matches("version\\..+|(amendment|definitive|midyear|accounts)\\.create"));
    }
  }

  @Test
  void theCommandsBackUpAndRestoreTheEmbeddedDatabase() throws IOException {
    Path from = dir.resolve("from");
    Path to = dir.resolve("to");
    try (Database d = Database.open(DatabaseUrl.h2File(from))) {
      BackupFixture.fill(d);
    }
    Path file = dir.resolve("begroot.zip");
    Run b = run("backup", "--data", from.toString(), "--out", file.toString());
    assertThat(b.code).as(b.err).isZero();
    assertThat(b.out).contains("6 versions").contains("change log entries").contains("5 accounts").contains(Backup.FORMAT);
    Run r = run("restore", "--data", to.toString(), file.toString());
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).contains("restored").contains("6 versions").contains("the log is intact");
    Run verified = run("log", "verify", "--data", to.toString());
    assertThat(verified.code).as(verified.err).isZero();
    assertThat(verified.out).startsWith("the log is intact: ");
    try (Database a = Database.open(DatabaseUrl.h2File(from)); Database c = Database.open(DatabaseUrl.h2File(to))) {
      BackupFixture.assertSame(a, c);
      BackupFixture.assertSignIn(c);
    }
    Run again = run("restore", "--data", to.toString(), file.toString());
    assertThat(again.code).isEqualTo(Main.BAD_INPUT);
    assertThat(again.err).contains("nothing restored").contains("not empty").doesNotContain("Exception");
    Run missing = run("restore", "--data", to.toString(), dir.resolve("nope.zip").toString());
    assertThat(missing.code).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err).contains("does not exist");
    Run noOut = run("backup", "--data", from.toString());
    assertThat(noOut.code).isEqualTo(Main.BAD_INPUT);
    assertThat(noOut.err).contains("--out");
  }

  @Test
  void logVerifyNamesTheFirstBrokenEntry() {
    Path data = dir.resolve("tampered");
    long m;
    try (Database d = Database.open(DatabaseUrl.h2File(data))) {
      BackupFixture.fill(d);
      m = d.jdbi().withHandle(h -> h.createQuery("select max(id) from change_log").mapTo(Long.class).one()) / 2;
      d.jdbi().useHandle(h -> {
        h.execute("drop trigger change_log_append_only"); // as the file's owner can
        h.execute("update change_log set actor = 'mallory' where id = " + m);
      });
    }
    Run r = run("log", "verify", "--data", data.toString());
    assertThat(r.code).isEqualTo(Main.FINDINGS);
    assertThat(r.err).contains("broken at entry " + m + ": changed").doesNotContain("Exception");
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (var o = new java.io.PrintWriter(out, true, StandardCharsets.UTF_8); var e = new java.io.PrintWriter(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
