package nl.begroot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;

/**
 * The one log of everything (docs/log.md): every write to a version, every sign-in good or failed,
 * every refused request, sign-out and account changes, in the table {@code change_log}, hash-chained
 * ({@link LogChain}). An entry is written in the transaction of the change it records ({@link
 * #record(Handle, LogEntry, Instant)}); events that change nothing else (a failed sign-in, a refused
 * request) are written in a transaction of their own ({@link #record(LogEntry)}).
 *
 * <p>Appending takes the chain's head row ({@code log_chain_head}) with {@code select ... for
 * update}: writers on every server sharing the database append one after the other, each after the
 * entry the previous one wrote, so the chain never forks. The lock is held until the writing
 * transaction commits; a transaction therefore appends its entry last, after its other row locks,
 * so that no two transactions wait for each other. Ids are the head's id plus one: without gaps.
 */
public final class AuditLog {
  /** Dates in filters are days in this zone (the organisation's). */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private final Jdbi jdbi;

  public AuditLog(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Appends {@code entry} in a transaction of its own (events that change nothing else). */
  public Change record(LogEntry entry) {
    return jdbi.inTransaction(h -> record(h, entry, Instant.now()));
  }

  /**
   * Appends {@code entry} inside the caller's transaction {@code h}, at time {@code at}: it is
   * committed or rolled back with the change it records. Call it last in the transaction.
   */
  public static Change record(Handle h, LogEntry entry, Instant at) {
    Head head = h.createQuery("select last_id, last_hash from log_chain_head where id = 1 for update")
        .map((rs, ctx) -> new Head(rs.getLong("last_id"), rs.getString("last_hash"))).findOne()
        .orElseThrow(() -> new IllegalStateException("the log has no chain head (migration V7 not applied)"));
    String slug = null;
    String name = null;
    if (entry.versionId() != null) {
      var row = h.createQuery("select slug, name from budget_version where id = :v").bind("v", entry.versionId())
          .map((rs, ctx) -> new String[] {rs.getString("slug"), rs.getString("name")}).findOne()
          .orElseThrow(() -> new IllegalStateException("a log entry about version " + entry.versionId() + ", which does not exist"));
      slug = row[0];
      name = row[1];
    }
    Origin o = entry.origin();
    Change c = LogChain.chained(new Change(head.lastId() + 1, entry.versionId(), slug, name, LogChain.stored(at), entry.actor(),
        entry.action(), entry.target(), entry.before(), entry.after(), entry.result().code(), o == null ? null : o.address(),
        o == null ? null : o.client(), entry.detail(), null, null), head.lastHash());
    h.createUpdate("insert into change_log (id, version_id, version_slug, version_name, at, actor, action, target, before_yaml,"
            + " after_yaml, result, origin_address, origin_client, detail, prev_hash, entry_hash) values (:id, :v, :slug, :name, :at,"
            + " :actor, :action, :target, :before, :after, :result, :address, :client, :detail, :prev, :hash)")
        .bind("id", c.id()).bind("v", c.versionId()).bind("slug", c.versionSlug()).bind("name", c.versionName())
        .bind("at", java.sql.Timestamp.from(c.at())).bind("actor", c.actor()).bind("action", c.action()).bind("target", c.target())
        .bind("before", c.before()).bind("after", c.after()).bind("result", c.result()).bind("address", c.originAddress())
        .bind("client", c.originClient()).bind("detail", c.detail()).bind("prev", c.prevHash()).bind("hash", c.hash())
        .execute();
    h.createUpdate("update log_chain_head set last_id = :id, last_hash = :hash where id = 1")
        .bind("id", c.id()).bind("hash", c.hash()).execute();
    return c;
  }

  private record Head(long lastId, String lastHash) {}

  // ------------------------------------------------------------------------------------ reading

  /**
   * Which entries to show: by person (the actor, exactly), by object (a proposal, key or account id,
   * or a version's slug, exactly), by version, and from/to a day (inclusive, in {@link #ZONE}). Null
   * fields do not filter.
   */
  public record Filter(String actor, String object, Long versionId, LocalDate from, LocalDate to) {
    public static final Filter ALL = new Filter(null, null, null, null, null);

    public Filter {
      actor = blankToNull(actor);
      object = blankToNull(object);
    }

    public Filter withVersion(Long id) {
      return new Filter(actor, object, id, from, to);
    }

    public boolean any() {
      return actor != null || object != null || from != null || to != null;
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  /** One page of entries that pass {@code filter}, newest first: at most {@code limit} with an id below {@code beforeId} (null: all). */
  public List<Change> entries(Filter filter, Long beforeId, int limit) {
    return jdbi.withHandle(h -> entries(h, filter, beforeId, limit));
  }

  static List<Change> entries(Handle h, Filter filter, Long beforeId, int limit) {
    StringBuilder sql = new StringBuilder("select * from change_log where id < :before");
    if (filter.versionId() != null) {
      sql.append(" and version_id = :v");
    }
    if (filter.actor() != null) {
      sql.append(" and actor = :actor");
    }
    if (filter.object() != null) {
      sql.append(" and (target = :object or version_slug = :object)");
    }
    if (filter.from() != null) {
      sql.append(" and at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" and at < :to");
    }
    sql.append(" order by id desc limit :n");
    Query q = h.createQuery(sql.toString()).bind("before", beforeId == null ? Long.MAX_VALUE : beforeId).bind("n", limit);
    if (filter.versionId() != null) {
      q.bind("v", filter.versionId());
    }
    if (filter.actor() != null) {
      q.bind("actor", filter.actor());
    }
    if (filter.object() != null) {
      q.bind("object", filter.object());
    }
    if (filter.from() != null) {
      q.bind("from", java.sql.Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
    }
    if (filter.to() != null) {
      q.bind("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
    }
    return q.map((rs, ctx) -> change(rs)).list();
  }

  /** One entry by id. */
  public Optional<Change> entry(long id) {
    return jdbi.withHandle(h -> h.createQuery("select * from change_log where id = :id").bind("id", id)
        .map((rs, ctx) -> change(rs)).findOne());
  }

  static Change change(ResultSet rs) throws SQLException {
    long versionId = rs.getLong("version_id");
    Long version = rs.wasNull() ? null : versionId;
    java.sql.Timestamp at = rs.getTimestamp("at");
    return new Change(rs.getLong("id"), version, rs.getString("version_slug"), rs.getString("version_name"),
        at == null ? null : at.toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
        rs.getString("before_yaml"), rs.getString("after_yaml"), rs.getString("result"), rs.getString("origin_address"),
        rs.getString("origin_client"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("entry_hash"));
  }

  // ---------------------------------------------------------------------------------- verifying

  /**
   * What {@link #verify} found: how many entries it checked, and the first broken link (the entry
   * and what is wrong with it), or none.
   */
  public record Verification(long entries, long lastId, Long brokenAt, String problem) {
    public boolean intact() {
      return brokenAt == null && problem == null;
    }

    /** One line for a person: "intact: 1234 entries, the last 1240" or "broken at entry 17: ...". */
    public String summary() {
      if (intact()) {
        return "the log is intact: " + entries + " entries" + (entries == 0 ? "" : ", the last " + lastId);
      }
      return brokenAt == null ? "the log is broken: " + problem : "the log is broken at entry " + brokenAt + ": " + problem;
    }
  }

  /** Checks the whole chain, oldest first, and names the first broken link. Reads one consistent snapshot. */
  public Verification verify() {
    return jdbi.inTransaction(h -> {
      Head head = h.createQuery("select last_id, last_hash from log_chain_head where id = 1")
          .map((rs, ctx) -> new Head(rs.getLong("last_id"), rs.getString("last_hash"))).findOne().orElse(null);
      ResultIterable<Change> rows = h.createQuery("select * from change_log order by id").setFetchSize(500).map((rs, ctx) -> change(rs));
      try (var it = rows.iterator()) {
        return verify(it, head);
      }
    });
  }

  private static Verification verify(Iterator<Change> it, Head head) {
    long n = 0;
    Change prev = null;
    String prevHash = LogChain.GENESIS; // the computed hash of the entry before
    String prevPrevHash = null;
    Change next = it.hasNext() ? it.next() : null;
    while (next != null) {
      Change e = next;
      next = it.hasNext() ? it.next() : null;
      n++;
      String computed = LogChain.hash(e);
      boolean selfOk = computed.equals(e.hash());
      boolean linkOk = prevHash.equals(e.prevHash());
      if (!selfOk || !linkOk) {
        Broken b = problem(prev, e, next, prevHash, prevPrevHash, selfOk, head);
        return new Verification(n, e.id(), b.id(), b.problem());
      }
      prevPrevHash = prevHash;
      prevHash = computed;
      prev = e;
    }
    if (head == null) {
      return new Verification(n, prev == null ? 0 : prev.id(), null, "the chain head (log_chain_head) is missing");
    }
    long lastId = prev == null ? 0 : prev.id();
    if (head.lastId() != lastId || !head.lastHash().equals(prevHash)) {
      if (head.lastId() > lastId) {
        return new Verification(n, lastId, head.lastId(), "entries at the end were removed: the chain head names entry "
            + head.lastId() + ", the last entry kept is " + lastId);
      }
      return new Verification(n, lastId, lastId, "the chain head names entry " + head.lastId()
          + " as the last, but this entry follows it (added outside the log, or the head was changed)");
    }
    return new Verification(n, lastId, null, null);
  }

  private record Broken(long id, String problem) {}

  /** What is wrong at the first entry {@code e} whose hash or link does not hold, and which entry is to blame. */
  private static Broken problem(Change prev, Change e, Change next, String prevHash, String prevPrevHash, boolean selfOk, Head head) {
    String after = prev == null ? "the start of the log" : "entry " + prev.id();
    if (head != null && e.id() > head.lastId()) {
      return new Broken(e.id(), "inserted: it comes after entry " + head.lastId() + ", which the chain head names as the last");
    }
    if (next != null && prevHash.equals(next.prevHash())) {
      return new Broken(e.id(), "inserted: it is not part of the chain (entry " + next.id() + " follows " + after + " directly)");
    }
    if (!selfOk) {
      return new Broken(e.id(), "changed: its fields do not give the hash it was written with");
    }
    if (prev == null) {
      return new Broken(e.id(), "entries before it were removed: it does not follow the start of the log");
    }
    if (prevPrevHash != null && prevPrevHash.equals(e.prevHash())) {
      return new Broken(prev.id(), "inserted: it is not part of the chain (entry " + e.id() + " follows the entry before it directly)");
    }
    return new Broken(e.id(), "it does not follow " + after + ": the entries between them were removed, or entry " + prev.id()
        + " was changed and given a new hash");
  }
}
