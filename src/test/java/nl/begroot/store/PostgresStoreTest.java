package nl.begroot.store;

/** The persistence contract on PostgreSQL 15 (see {@link TestDatabases}). */
class PostgresStoreTest extends StoreContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }
}
