package nl.begroot.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore between H2 and PostgreSQL, both ways, and on PostgreSQL beside running writes
 * (REPEATABLE READ). Each test makes its own databases on the test server ({@code begroot_restore_*}),
 * since other test classes empty the shared one. Skipped without PostgreSQL (see {@link TestDatabases}).
 */
@ExtendWith(TestDatabases.Available.class)
class BackupRestorePostgresTest {
  @TempDir Path dir;
  final List<Database> opened = new ArrayList<>();

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
  void h2ToPostgresAndBackToH2KeepsEverything() throws IOException {
    Database h2 = open(TestDatabases.freshH2());
    BackupFixture.fill(h2);
    Database pg = open(TestDatabases.freshPostgresDatabase("begroot_restore_from_h2"));
    Backup.restore(pg, BackupFixture.backup(h2, dir));
    BackupFixture.assertSame(h2, pg);
    Database back = open(TestDatabases.freshH2());
    Backup.restore(back, BackupFixture.backup(pg, dir));
    BackupFixture.assertSame(pg, back);
    BackupFixture.assertSignIn(pg);
    BackupFixture.assertSignIn(back);
    BackupFixture.assertContinues(pg);
    BackupFixture.assertContinues(back);
  }

  @Test
  void postgresToH2KeepsEverything() throws IOException {
    Database pg = open(TestDatabases.freshPostgresDatabase("begroot_restore_source"));
    BackupFixture.fill(pg);
    Database h2 = open(TestDatabases.freshH2());
    Backup.restore(h2, BackupFixture.backup(pg, dir));
    BackupFixture.assertSame(pg, h2);
    BackupFixture.assertSignIn(h2);
    BackupFixture.assertContinues(h2);
  }

  @Test
  void aBackupOfPostgresTakenWhileWritesRunIsConsistent() throws Exception {
    Database pg = open(TestDatabases.freshPostgresDatabase("begroot_restore_busy"));
    BackupFixture.fill(pg);
    BackupRestoreTest.consistentUnderWrites(pg, this::open, TestDatabases::freshH2, dir);
  }
}
