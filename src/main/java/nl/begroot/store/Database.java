package nl.begroot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** An open, migrated database: a connection pool and JDBI on it. */
public final class Database implements AutoCloseable {
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
      throw new StoreException("cannot open the database " + url.display() + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("cannot prepare the database " + url.display() + ": " + rootMessage(e), e);
    }
    return new Database(url, dataSource);
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

  @Override
  public void close() {
    dataSource.close();
  }
}
