package nl.begroot.store;

/** An adopted version is final in the embedded H2 database (the Java trigger {@link AdoptedGuard}). */
class H2FinalVersionTest extends FinalVersionContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshH2();
  }

  @Override
  DatabaseUrl secondFreshDatabase() {
    return TestDatabases.freshH2();
  }
}
