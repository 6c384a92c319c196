package nl.begroot.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The persistence contract on PostgreSQL 15 (see {@link TestDatabases}), and nothing but PostgreSQL:
 * while this class runs, H2's JDBC driver is replaced by {@link NoH2}, so a test that opens H2
 * anywhere (a fixture, a second database, a default) fails and says where.
 */
@ExtendWith(TestDatabases.Available.class)
class PostgresStoreTest extends StoreContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }

  @Override
  DatabaseUrl secondFreshDatabase() {
    return TestDatabases.freshPostgresSchema("roundtrip");
  }

  @BeforeAll
  static void forbidH2() {
    NoH2.install();
  }

  @AfterEach
  void openedNoH2() {
    NoH2.assertUnused();
  }

  @AfterAll
  static void allowH2() {
    NoH2.uninstall();
  }
}
