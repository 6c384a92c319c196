package nl.begroot.store;

import nl.begroot.workspace.DefinitiveAndNextFrameContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The definitive budget and next year's frame on PostgreSQL 15; skipped without PostgreSQL (see {@link TestDatabases}). */
@ExtendWith(TestDatabases.Available.class)
class PostgresDefinitiveAndNextFrameTest extends DefinitiveAndNextFrameContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }
}
