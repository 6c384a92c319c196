package nl.begroot.store;

/** The persistence contract on the embedded H2 database. */
class H2StoreTest extends StoreContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshH2();
  }

  @Override
  DatabaseUrl secondFreshDatabase() {
    return TestDatabases.freshH2();
  }
}
