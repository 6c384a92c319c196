package nl.begroot.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the persistence tests run on: a fresh in-memory H2, and the PostgreSQL named by
 * {@code BEGROOT_TEST_POSTGRES} (or, without it, a private one that {@code .ci/postgres start}
 * starts when the machine has PostgreSQL 15), emptied before each test. With no PostgreSQL at all
 * the PostgreSQL tests are skipped, unless {@code BEGROOT_REQUIRE_POSTGRES=1} (as in CI), which
 * makes them fail instead.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {}

  public static DatabaseUrl freshH2() {
    return DatabaseUrl.h2Memory("store-test-" + COUNTER.incrementAndGet());
  }

  private static String started;

  /**
   * Without {@code BEGROOT_TEST_POSTGRES}, starts the private server with {@code .ci/postgres start}
   * when this machine has PostgreSQL 15's binaries, so that {@code mvn verify} runs these tests too.
   */
  private static synchronized String startLocal() {
    if (started != null) {
      return started.isEmpty() ? null : started;
    }
    started = "";
    if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/lib/postgresql/15/bin/initdb"))
        || !java.nio.file.Files.isExecutable(java.nio.file.Path.of(".ci/postgres"))) {
      return null;
    }
    try {
      Process p = new ProcessBuilder(".ci/postgres", "start").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (p.waitFor() == 0 && out.contains("postgresql://")) {
        started = out.substring(out.lastIndexOf("postgresql://")).strip();
      } else {
        System.err.println("TestDatabases: .ci/postgres start failed: " + out);
      }
    } catch (java.io.IOException e) {
      System.err.println("TestDatabases: cannot run .ci/postgres: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return started.isEmpty() ? null : started;
  }

  public static DatabaseUrl freshPostgres() {
    String url = System.getenv("BEGROOT_TEST_POSTGRES");
    if (url == null || url.isBlank()) {
      url = startLocal();
    }
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
