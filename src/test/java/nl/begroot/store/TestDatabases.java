package nl.begroot.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases the persistence tests run on: a fresh in-memory H2, and the PostgreSQL named by
 * {@code BEGROOT_TEST_POSTGRES} (or, without it, a private one that {@code .ci/postgres start}
 * starts when the machine has PostgreSQL 15's binaries in {@code -Dbegroot.postgres.bin}, default
 * {@code /usr/lib/postgresql/15/bin}), emptied before each test. With no PostgreSQL at all each
 * PostgreSQL test is reported as skipped ({@link Available}), unless {@code BEGROOT_REQUIRE_POSTGRES=1}
 * (as in CI), which makes them fail instead.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  /** Where PostgreSQL 15's binaries are; {@code -Dbegroot.postgres.bin=/nonexistent} hides them. */
  static final Path POSTGRES_BIN = Path.of(System.getProperty("begroot.postgres.bin", "/usr/lib/postgresql/15/bin"));

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
    if (!Files.isExecutable(POSTGRES_BIN.resolve("initdb")) || !Files.isExecutable(Path.of(".ci/postgres"))) {
      return null;
    }
    try {
      Process p = new ProcessBuilder(".ci/postgres", "start").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() == 0 && out.contains("postgresql://")) {
        started = out.substring(out.lastIndexOf("postgresql://")).strip();
      } else {
        System.err.println("TestDatabases: .ci/postgres start failed: " + out);
      }
    } catch (IOException e) {
      System.err.println("TestDatabases: cannot run .ci/postgres: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return started.isEmpty() ? null : started;
  }

  /** The PostgreSQL to test on (set, or started here), or null when there is none. */
  private static String postgres() {
    String url = System.getenv("BEGROOT_TEST_POSTGRES");
    return url == null || url.isBlank() ? startLocal() : url;
  }

  private static boolean required() {
    return "1".equals(System.getenv("BEGROOT_REQUIRE_POSTGRES"));
  }

  /**
   * Disables each PostgreSQL test, one by one, when there is no PostgreSQL and none is required:
   * Surefire counts each as skipped. With {@code BEGROOT_REQUIRE_POSTGRES=1} the tests run and fail.
   */
  static final class Available implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (context.getTestMethod().isEmpty() || required() || postgres() != null) {
        return ConditionEvaluationResult.enabled("PostgreSQL available or required");
      }
      return ConditionEvaluationResult.disabled("skipped: no PostgreSQL (set BEGROOT_TEST_POSTGRES, or install PostgreSQL 15 "
          + "so that .ci/postgres can start one; " + POSTGRES_BIN + " has no initdb)");
    }
  }

  /** The PostgreSQL test database with its {@code public} schema emptied. */
  public static DatabaseUrl freshPostgres() {
    DatabaseUrl parsed = postgresOrFail();
    recreateSchema(parsed, "public");
    return parsed;
  }

  private static DatabaseUrl postgresOrFail() {
    String url = postgres();
    if (url == null) {
      Assertions.fail("BEGROOT_REQUIRE_POSTGRES=1 but there is no PostgreSQL: BEGROOT_TEST_POSTGRES is not set and "
          + ".ci/postgres could not start one (PostgreSQL 15 binaries in " + POSTGRES_BIN + ")");
    }
    return DatabaseUrl.parse(url);
  }

  /**
   * A second, empty PostgreSQL database beside {@link #freshPostgres()}: the schema {@code name} of
   * the same server and database, emptied, and made the connection's current schema ({@code public}
   * is left alone).
   */
  public static DatabaseUrl freshPostgresSchema(String name) {
    DatabaseUrl main = postgresOrFail();
    recreateSchema(main, name);
    String jdbc = main.jdbcUrl() + (main.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
    return new DatabaseUrl(jdbc, main.user(), main.password());
  }

  /**
   * A PostgreSQL database of its own, {@code name}, on the same server as {@link #freshPostgres()},
   * dropped and created empty: for a test that must not share {@code begroot_test}, whose schema
   * other test classes empty before each of their tests.
   */
  public static DatabaseUrl freshPostgresDatabase(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    DatabaseUrl main = postgresOrFail();
    try (var c = DriverManager.getConnection(main.jdbcUrl(), main.user(), main.password() == null ? "" : main.password());
        var s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    } catch (SQLException e) {
      Assertions.fail("cannot create the database " + name + " on " + main.display() + ": " + e.getMessage());
    }
    String jdbc = main.jdbcUrl();
    int q = jdbc.indexOf('?');
    String query = q < 0 ? "" : jdbc.substring(q);
    String path = q < 0 ? jdbc : jdbc.substring(0, q);
    return new DatabaseUrl(path.substring(0, path.lastIndexOf('/') + 1) + name + query, main.user(), main.password());
  }

  private static void recreateSchema(DatabaseUrl url, String schema) {
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password());
        var s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      Assertions.fail("cannot reach " + url.display() + ": " + e.getMessage());
    }
  }
}
