package nl.begroot.store;

import nl.begroot.workspace.ReserveEditsContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** Editing the reserves of annual accounts on PostgreSQL 15; skipped without PostgreSQL (see {@link TestDatabases}). */
@ExtendWith(TestDatabases.Available.class)
class PostgresReserveEditsTest extends ReserveEditsContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }
}
