package nl.begroot.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the persistence tests run on: a fresh in-memory H2, and the PostgreSQL named by
 * {@code BEGROOT_TEST_POSTGRES} (started by {@code .ci/postgres start}), emptied before each test.
 * Without the variable the PostgreSQL tests are skipped, unless {@code BEGROOT_REQUIRE_POSTGRES=1}
 * (as in CI), which makes them fail instead.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {}

  public static DatabaseUrl freshH2() {
    return DatabaseUrl.h2Memory("store-test-" + COUNTER.incrementAndGet());
  }

  public static DatabaseUrl freshPostgres() {
    String url = System.getenv("BEGROOT_TEST_POSTGRES");
    if (url == null || url.isBlank()) {
      if ("1".equals(System.getenv("BEGROOT_REQUIRE_POSTGRES"))) {
        Assertions.fail("BEGROOT_REQUIRE_POSTGRES=1 but BEGROOT_TEST_POSTGRES is not set (start one with .ci/postgres start)");
      }
      Assumptions.abort("no PostgreSQL: set BEGROOT_TEST_POSTGRES (see .ci/postgres)");
    }
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    try (var c = java.sql.DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password() == null ? "" : parsed.password());
        var s = c.createStatement()) {
      s.execute("drop schema if exists public cascade");
      s.execute("create schema public");
    } catch (java.sql.SQLException e) {
      Assertions.fail("cannot reach PostgreSQL at " + parsed.display() + ": " + e.getMessage());
    }
    return parsed;
  }
}
