package nl.begroot.store;

class H2ActualsTest extends ActualsContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshH2();
  }
}
