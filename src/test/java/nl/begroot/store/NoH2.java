package nl.begroot.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;

/**
 * A JDBC driver that takes H2's place in {@link DriverManager} (which HikariCP and plain JDBC ask for
 * a driver) and refuses every {@code jdbc:h2:} connection, remembering where it was asked from. The
 * PostgreSQL tests install it, so that none of them can quietly run on the embedded database.
 */
final class NoH2 implements Driver {
  private static final NoH2 INSTANCE = new NoH2();
  private static final List<String> ATTEMPTS = Collections.synchronizedList(new ArrayList<>());
  private static final List<Driver> REMOVED = new ArrayList<>();

  private NoH2() {}

  static synchronized void install() {
    for (Driver d : Collections.list(DriverManager.getDrivers())) {
      if (d.getClass().getName().startsWith("org.h2.")) {
        try {
          DriverManager.deregisterDriver(d);
          REMOVED.add(d);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized void uninstall() {
    try {
      DriverManager.deregisterDriver(INSTANCE);
      for (Driver d : REMOVED) {
        DriverManager.registerDriver(d);
      }
      REMOVED.clear();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails (and forgets them) when anything tried to open H2 since the last call. */
  static void assertUnused() {
    List<String> seen;
    synchronized (ATTEMPTS) {
      seen = List.copyOf(ATTEMPTS);
      ATTEMPTS.clear();
    }
    if (!seen.isEmpty()) {
      Assertions.fail("the PostgreSQL test opened H2:\n" + String.join("\n", seen));
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith("jdbc:h2:");
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    List<String> callers = new ArrayList<>();
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      if (e.getClassName().startsWith("nl.begroot.") && !e.getClassName().equals(NoH2.class.getName())) {
        callers.add(e.toString());
      }
    }
    ATTEMPTS.add(url + " from " + String.join(" < ", callers));
    throw new SQLException("H2 is not allowed in the PostgreSQL tests: " + url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
