package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restart leaves an up-to-date schema alone without starting Flyway (decision 147), and anything
 * else still goes through Flyway: a missing, failed or changed migration.
 */
class SchemaCheckTest {
  private static final List<String> H2 = List.of(Database.MIGRATIONS, "classpath:db/vendor/h2");
  private static final List<Class<?>> JAVA = List.of(V7__Hash_chained_log.class);

  @Test
  void aReopenedUpToDateDatabaseDoesNotStartFlyway() {
    DatabaseUrl url = TestDatabases.freshH2();
    int before = Database.FLYWAY_RUNS.get();
    try (Database first = Database.open(url)) {
      assertThat(Database.FLYWAY_RUNS.get()).as("a new database is migrated by Flyway").isEqualTo(before + 1);
      try (Database again = Database.open(url)) {
        assertThat(Database.FLYWAY_RUNS.get()).as("reopened up to date: Flyway not started").isEqualTo(before + 1);
      }
    }
  }

  @Test
  @ExtendWith(TestDatabases.Available.class)
  void onPostgresqlToo() {
    DatabaseUrl url = TestDatabases.freshPostgresDatabase("begroot_schema_check_" + ProcessHandle.current().pid());
    try (Database first = Database.open(url)) {
      int after = Database.FLYWAY_RUNS.get();
      try (Database again = Database.open(url)) {
        assertThat(Database.FLYWAY_RUNS.get()).isEqualTo(after);
      }
    }
  }

  @Test
  void aChangedMigrationGoesToFlywayWhichRefusesIt() {
    DatabaseUrl url = TestDatabases.freshH2();
    try (Database db = Database.open(url)) {
      db.jdbi().useHandle(h -> h.execute("update flyway_schema_history set checksum = checksum + 1 where version = '3'"));
      int before = Database.FLYWAY_RUNS.get();
      assertThatThrownBy(() -> Database.open(url).close()).isInstanceOf(StoreException.class).hasMessageContaining("checksum");
      assertThat(Database.FLYWAY_RUNS.get()).isEqualTo(before + 1);
    }
  }

  @Test
  void aMissingOrFailedMigrationIsNotUpToDate() {
    DatabaseUrl url = TestDatabases.freshH2();
    try (Database db = Database.open(url)) {
      var data = new org.h2.jdbcx.JdbcDataSource();
      data.setURL(url.jdbcUrl());
      data.setUser(url.user());
      data.setPassword(url.password());
      assertThat(SchemaCheck.upToDate(data, H2, JAVA)).as("as Flyway left it").isTrue();
      db.jdbi().useHandle(h -> h.execute("update flyway_schema_history set success = false where version = '8'"));
      assertThat(SchemaCheck.upToDate(data, H2, JAVA)).as("a failed migration").isFalse();
      db.jdbi().useHandle(h -> h.execute("delete from flyway_schema_history where version = '8'"));
      assertThat(SchemaCheck.upToDate(data, H2, JAVA)).as("a migration not applied").isFalse();
      assertThat(SchemaCheck.upToDate(data, List.of("classpath:db/migration", "classpath:db/vendor/h2", "classpath:nowhere"), JAVA))
          .as("a location that cannot be listed").isFalse();
    }
  }

  @Test
  void rowsAsFlywayRecordsThem() {
    assertThat(SchemaCheck.sqlRow("V6_1__adopted_versions_are_final.sql", "x".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new SchemaCheck.Row("6.1", "adopted versions are final", "SQL", "V6_1__adopted_versions_are_final.sql", SchemaCheck.checksum(
            "x".getBytes(StandardCharsets.UTF_8))));
    assertThat(SchemaCheck.javaRow(V7__Hash_chained_log.class))
        .isEqualTo(new SchemaCheck.Row("7", "Hash chained log", "JDBC", "nl.begroot.store.V7__Hash_chained_log", null));
    // CRC-32 over the lines without their ends and without a byte order mark: "a" then "b"
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update("ab".getBytes(StandardCharsets.UTF_8));
    int ab = (int) crc.getValue();
    assertThat(SchemaCheck.checksum("a\nb\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(ab);
    assertThat(SchemaCheck.checksum("a\r\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo(ab);
    assertThat(SchemaCheck.checksum("\uFEFFa\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo(ab);
  }
}
