package nl.begroot.store;

/** The hash-chained log on the embedded H2 database. */
class H2LogTest extends LogContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshH2();
  }

  @Override
  DatabaseUrl secondFreshDatabase() {
    return TestDatabases.freshH2();
  }
}
