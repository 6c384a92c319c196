package nl.begroot.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** An adopted version is final in PostgreSQL 15 (the plpgsql triggers); skipped without PostgreSQL (see {@link TestDatabases}). */
@ExtendWith(TestDatabases.Available.class)
class PostgresFinalVersionTest extends FinalVersionContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }

  @Override
  DatabaseUrl secondFreshDatabase() {
    return TestDatabases.freshPostgresSchema("finalrestore");
  }
}
