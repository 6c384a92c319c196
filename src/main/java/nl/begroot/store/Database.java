package nl.begroot.store;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jdbi.v3.core.Jdbi;

/** An open, migrated database: a connection pool and JDBI on it. */
public final class Database implements AutoCloseable {
  /** The migrations common to both engines; each engine adds its own folder under db/vendor. */
  static final String MIGRATIONS = "classpath:db/migration";

  /** How often this JVM started Flyway (a test sees that an up-to-date schema is left alone). */
  static final java.util.concurrent.atomic.AtomicInteger FLYWAY_RUNS = new java.util.concurrent.atomic.AtomicInteger();

  private final DatabaseUrl url;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(DatabaseUrl url, HikariDataSource dataSource) {
    this.url = url;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens the database and brings its schema up to date.
   *
   * @throws StoreException with a message for the user when the database cannot be reached
   */
  public static Database open(DatabaseUrl url) {
    if (url.jdbcUrl().startsWith("jdbc:h2:")) {
      DurableFiles.register();
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(url.isPostgres() ? 10 : 8);
    config.setPoolName("begroot");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database " + url.display() + ": " + url.redact(rootMessage(e)), e);
    }
    if (url.jdbcUrl().startsWith("jdbc:h2:" + DurableFiles.SCHEME + ":")) {
      try {
        appendOnly(dataSource);
      } catch (SQLException | RuntimeException e) {
        dataSource.close();
        throw new StoreException("cannot open the database " + url.display() + ": " + url.redact(rootMessage(e)), e);
      }
    }
    try {
      // the common migrations (V7 is Java: it chains the existing log), and per engine what cannot be written
      // alike (V6_1: the triggers that keep an adopted version final). Flyway orders them by version: V6, V6_1, V7, V8.
      // A database made by a build before the cycle has V7 and V8 already: V6 and V6_1 are applied after them
      // (outOfOrder; they touch only the version and proposal tables, which V7 and V8 do not).
      String vendor = url.isPostgres() ? "classpath:db/vendor/postgresql" : "classpath:db/vendor/h2";
      // a schema that is exactly this program's is left as it is without starting Flyway (decision 147)
      if (!SchemaCheck.upToDate(dataSource, List.of(MIGRATIONS, vendor), List.of(V7__Hash_chained_log.class))) {
        FLYWAY_RUNS.incrementAndGet();
        Flyway.configure().dataSource(dataSource).locations(MIGRATIONS, vendor).outOfOrder(true)
            .javaMigrations(new V7__Hash_chained_log()).load().migrate();
      }
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("cannot prepare the database " + url.display() + ": " + url.redact(rootMessage(e)), e);
    }
    return new Database(url, dataSource);
  }

  /**
   * Makes the embedded H2 database write every commit at the end of its file (decision 94). H2
   * 2.5.252 writes a commit that goes into reused space in the middle of the file without making it
   * findable after a crash: its store header then names the chunk before it (it is written before
   * {@code lastChunk} is updated, {@code RandomAccessStore.writeChunk}), whose predicted successor
   * is elsewhere, so recovery stops there and silently drops the commits after it. At the end of
   * the file the newest chunk is found by scanning back from the end. The price is a file that
   * grows by every commit until H2 compacts it on a clean shutdown. The database stays open while
   * Begroot runs ({@code DB_CLOSE_DELAY=-1}), so the setting, which H2 does not keep, holds.
   */
  private static void appendOnly(HikariDataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
      session.getDatabase().getStore().getMvStore().setReuseSpace(false);
    }
  }

  /** The innermost cause's message: what a user can act on (a refused connection, a locked file). */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DatabaseUrl url() {
    return url;
  }

  /**
   * Closes the pool, then shuts the embedded database down. In this order: the pool keeps its
   * connections topped up, so a shutdown through it could be followed by a new pooled connection
   * that opens the file again, and with {@code DB_CLOSE_DELAY=-1} it would then stay open, and
   * locked, in this JVM (seen: the kill suite's next server found the file locked after the test
   * had closed its database). A connection of its own, after the pool is gone, reaches the
   * database while it is still open and shuts it down; a clean shutdown compacts the file.
   */
  @Override
  public void close() {
    dataSource.close();
    if (url.jdbcUrl().startsWith("jdbc:h2:" + DurableFiles.SCHEME + ":")) {
      try (Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password()); var s = c.createStatement()) {
        s.execute("shutdown");
      } catch (SQLException e) {
        // the file cannot be opened (another process has it): nothing of ours is open
      }
    }
  }
}
