package nl.begroot.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The hash-chained log on PostgreSQL 15 (see {@link TestDatabases}; skipped without one, required in CI). */
@ExtendWith(TestDatabases.Available.class)
class PostgresLogTest extends LogContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }

  @Override
  DatabaseUrl secondFreshDatabase() {
    return TestDatabases.freshPostgresSchema("logrestore");
  }
}
