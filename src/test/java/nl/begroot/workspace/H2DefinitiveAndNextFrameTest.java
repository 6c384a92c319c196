package nl.begroot.workspace;

import nl.begroot.store.DatabaseUrl;

/** The definitive budget and next year's frame on H2. */
class H2DefinitiveAndNextFrameTest extends DefinitiveAndNextFrameContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return DatabaseUrl.h2Memory("definitive-" + System.nanoTime());
  }
}
