package nl.begroot.workspace;

import nl.begroot.store.DatabaseUrl;

/** The Tussenrapportage's store and use cases on H2. */
class H2MidyearTest extends MidyearContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return DatabaseUrl.h2Memory("midyear-" + System.nanoTime());
  }
}
