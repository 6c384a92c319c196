package nl.begroot.store;

import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.Available.class)
class PostgresActualsTest extends ActualsContract {
  @Override
  DatabaseUrl freshDatabase() {
    return TestDatabases.freshPostgres();
  }
}
