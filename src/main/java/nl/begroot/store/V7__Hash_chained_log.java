package nl.begroot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V7: one hash-chained, append-only log (docs/log.md, decision in docs/DECISIONS.md).
 * {@code change_log} becomes the log of everything: entries about no version (sign-in, refused
 * requests, accounts) leave version_id, version_slug and version_name empty; each entry gets its
 * result, origin (address, client), detail, and its place in the chain (prev_hash, entry_hash); the
 * entries already kept are chained here in id order. {@code log_chain_head} holds the last entry's
 * id and hash: the row every writer locks to append. Last, a trigger refuses UPDATE and DELETE (and
 * on PostgreSQL TRUNCATE) on the log: in Java on H2 ({@link LogGuard}), in PL/pgSQL on PostgreSQL.
 *
 * <p>Java rather than SQL because the chain over the existing entries is SHA-256 of a canonical form
 * ({@link LogChain}) that neither database computes the same way, and because the trigger differs.
 */
public class V7__Hash_chained_log extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    try (Statement s = c.createStatement()) {
      s.execute("alter table change_log alter column version_id drop not null");
      s.execute("alter table change_log alter column version_slug drop not null");
      s.execute("alter table change_log alter column version_name drop not null");
      s.execute("alter table change_log add column result varchar(10)");
      s.execute("alter table change_log add column origin_address varchar(64)");
      s.execute("alter table change_log add column origin_client varchar(200)");
      s.execute("alter table change_log add column detail varchar");
      s.execute("alter table change_log add column prev_hash varchar(64)");
      s.execute("alter table change_log add column entry_hash varchar(64)");
      s.execute("update change_log set result = 'ok'");
      s.execute("alter table change_log alter column result set not null");
      s.execute("create table log_chain_head (id integer primary key, last_id bigint not null, last_hash varchar(64) not null)");
      s.execute("create index change_log_actor on change_log(actor, id)");
      s.execute("create index change_log_target on change_log(target, id)");
    }
    List<Change> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from change_log order by id")) {
      while (rs.next()) {
        rows.add(AuditLog.change(rs));
      }
    }
    String prev = LogChain.GENESIS;
    long lastId = 0;
    try (PreparedStatement u = c.prepareStatement("update change_log set prev_hash = ?, entry_hash = ? where id = ?")) {
      for (Change row : rows) {
        Change chained = LogChain.chained(row, prev);
        u.setString(1, chained.prevHash());
        u.setString(2, chained.hash());
        u.setLong(3, row.id());
        u.addBatch();
        prev = chained.hash();
        lastId = row.id();
      }
      u.executeBatch();
    }
    try (PreparedStatement head = c.prepareStatement("insert into log_chain_head (id, last_id, last_hash) values (1, ?, ?)")) {
      head.setLong(1, lastId);
      head.setString(2, prev);
      head.execute();
    }
    try (Statement s = c.createStatement()) {
      s.execute("alter table change_log alter column prev_hash set not null");
      s.execute("alter table change_log alter column entry_hash set not null");
      if (postgres) {
        s.execute("create function change_log_append_only() returns trigger language plpgsql as $$ begin"
            + " raise exception 'the log is append-only: its entries cannot be changed or deleted (% refused)', tg_op"
            + " using errcode = '42501'; end $$");
        s.execute("create trigger change_log_append_only before update or delete on change_log"
            + " for each row execute function change_log_append_only()");
        s.execute("create trigger change_log_no_truncate before truncate on change_log"
            + " for each statement execute function change_log_append_only()");
        // The owner (usually the account that ran this migration) keeps its rights whatever is
        // revoked; other roles get none to change the log. See docs/log.md for a separate app role.
        s.execute("revoke update, delete, truncate on change_log from public");
        s.execute("revoke update, delete, truncate on log_chain_head from public");
      } else {
        s.execute("create trigger change_log_append_only before update, delete on change_log for each row call '"
            + LogGuard.class.getName() + "'");
      }
    }
  }
}
