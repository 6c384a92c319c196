package nl.begroot.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's guard of the log: an H2 trigger on {@code change_log} (migration V7) that
 * refuses every UPDATE and DELETE, so that the application itself, or anyone with an SQL prompt on
 * the file who does not first drop the trigger, can only append. PostgreSQL has the same trigger in
 * PL/pgSQL. Dropping it takes the owner's rights; the hash chain still shows what was done then.
 */
public final class LogGuard implements Trigger {
  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    String what = newRow == null ? "deleted" : "changed";
    throw new SQLException("the log is append-only: its entries cannot be " + what + " (entry " + (oldRow == null ? "?" : oldRow[0])
        + ")", "42501");
  }
}
