package nl.begroot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * H2's trigger that makes an adopted version final (migrations V6_1 and V13; PostgreSQL has the same rule
 * in plpgsql): it refuses any insert, update or delete of a row of the version's content (a proposal, and
 * an adopted Tussenrapportage's midyear_report and midyear_forecast rows: every table whose rows carry a
 * version_id) of a version whose status is vastgesteld or gepubliceerd, and any change of such a version's
 * row except its status going from vastgesteld to gepubliceerd (with its stamp and updated_at/by, which
 * every write raises), and deleting it. The refusal is an {@link SQLException} with SQLState
 * {@value #SQLSTATE}, as on PostgreSQL.
 */
public final class AdoptedGuard implements Trigger {
  /** The SQLState of a refusal (PostgreSQL's raise_exception). */
  public static final String SQLSTATE = "P0001";
  private static final Set<String> ADOPTED = Set.of("vastgesteld", "gepubliceerd");
  /** Columns of budget_version that may change on an adopted row (the status only to gepubliceerd). */
  private static final Set<String> FREE = Set.of("STATUS", "STAMP", "UPDATED_AT", "UPDATED_BY");

  /** A table of a version's content (its rows carry a version_id), else budget_version itself. */
  private boolean contentTable;
  /** What a refusal names: "proposal 1.1" or "its midyear_forecast". */
  private String table;
  private final Map<String, Integer> columns = new HashMap<>();

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
      throws SQLException {
    // H2 also fires a trigger on a table's temporary copy while ALTER TABLE rebuilds it (PROPOSAL_COPY_4_1)
    table = tableName.replaceFirst("(?i)_COPY_\\d+_\\d+$", "").toLowerCase(java.util.Locale.ROOT);
    try (PreparedStatement s = conn.prepareStatement("select column_name, ordinal_position from information_schema.columns"
        + " where table_schema = ? and table_name = ?")) {
      s.setString(1, schemaName);
      s.setString(2, tableName);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1).toUpperCase(java.util.Locale.ROOT), rs.getInt(2) - 1);
        }
      }
    }
    contentTable = columns.containsKey("VERSION_ID");
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (contentTable) {
      int v = columns.get("VERSION_ID");
      if (oldRow != null && adopted(conn, oldRow[v])) {
        throw refused("version " + oldRow[v] + " is adopted (vastgesteld) and final; " + what(oldRow) + " is not changed");
      }
      if (newRow != null && adopted(conn, newRow[v])) {
        throw refused("version " + newRow[v] + " is adopted (vastgesteld) and final; " + what(newRow) + " is not written");
      }
      return;
    }
    int status = columns.get("STATUS");
    if (oldRow == null || !ADOPTED.contains(String.valueOf(oldRow[status]))) {
      return;
    }
    String slug = String.valueOf(oldRow[columns.get("SLUG")]);
    if (newRow == null) {
      throw refused("version " + slug + " is adopted (vastgesteld) and final; it is not deleted");
    }
    boolean statusOk = Objects.equals(oldRow[status], newRow[status])
        || ("vastgesteld".equals(oldRow[status]) && "gepubliceerd".equals(newRow[status]));
    for (Map.Entry<String, Integer> c : columns.entrySet()) {
      if (!FREE.contains(c.getKey()) && !Objects.equals(oldRow[c.getValue()], newRow[c.getValue()])) {
        statusOk = false;
      }
    }
    if (!statusOk) {
      throw refused("version " + slug + " is adopted (vastgesteld) and final; only publishing it changes its row");
    }
  }

  private String what(Object[] row) {
    Integer p = columns.get("PROPOSAL_ID");
    return p != null ? "proposal " + row[p] : "its " + table;
  }

  private static boolean adopted(Connection conn, Object versionId) throws SQLException {
    try (PreparedStatement s = conn.prepareStatement("select status from budget_version where id = ?")) {
      s.setObject(1, versionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && ADOPTED.contains(rs.getString(1));
      }
    }
  }

  private static SQLException refused(String message) {
    return new SQLException("begroot: " + message, SQLSTATE);
  }
}
