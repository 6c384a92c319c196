package nl.begroot.workspace;

import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.TestDatabases;

/** Editing the reserves of annual accounts on H2 (the contract: {@link ReserveEditsContract}). */
class ReserveEditsTest extends ReserveEditsContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.freshH2();
  }
}
