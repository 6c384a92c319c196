package nl.begroot.store;

import nl.begroot.workspace.MidyearContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Tussenrapportage's store and use cases on PostgreSQL 15; skipped without PostgreSQL (see {@link TestDatabases}). */
@ExtendWith(TestDatabases.Available.class)
class PostgresMidyearTest extends MidyearContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }
}
