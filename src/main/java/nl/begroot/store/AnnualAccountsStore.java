package nl.begroot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.begroot.core.accounts.Reserve;
import nl.begroot.core.accounts.ReserveRules;
import nl.begroot.core.accounts.Threshold;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.core.text.Dutch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the annual accounts add to their version (V11, docs/accounts.md): the year and the threshold,
 * an explanation per deviation, the reserves with their movements. Every write is one transaction that
 * locks the version's row, refuses an adopted version (the reserves: a submitted one too), checks the revision the writer read (optimistic
 * locking) and writes the hash-chained log entry with the value before and after.
 */
public final class AnnualAccountsStore {
  private final Jdbi jdbi;

  public AnnualAccountsStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The accounts' settings. */
  public record Settings(long versionId, int year, String sourceSlug, Threshold threshold, int revision, Instant updatedAt, String updatedBy) {}

  /** A stored explanation of a deviation. */
  public record Explanation(String programme, String side, String body, int revision, Instant updatedAt, String updatedBy) {
    public String key() {
      return programme + "/" + side;
    }
  }

  /** What a write came to. */
  public sealed interface Written {
    record Done(int revision) implements Written {}

    /** Someone else wrote first: the revision and text now stored, and by whom. */
    record Conflict(int revision, String body, String by) implements Written {}

    /** The version is adopted (or gone): it changes no more. */
    record Final() implements Written {}

    /** The check ({@link #reserves}) found these problems; nothing was written. */
    record Refused(List<ReserveRules.Problem> problems) implements Written {}
  }

  /**
   * An accounts version as a write of its reserves sees it, read inside the write's transaction with the
   * version's row locked: the version's row and its proposals' rows (the budget, with its annex), and the
   * reserves stored now.
   */
  public record Locked(StoredVersion version, List<StoredProposal> proposals, List<Reserve> reserves) {}

  /** Writes the accounts' own rows of a new accounts version (inside {@link VersionStore#createBasedOn}). */
  public static void insert(Handle h, long versionId, int year, String sourceSlug, Threshold threshold, List<Reserve> reserves, boolean illustration,
      String actor) {
    Instant now = Instant.now();
    h.createUpdate("insert into annual_accounts (version_id, book_year, source_slug, threshold_cents, threshold_percent, revision, updated_at,"
            + " updated_by) values (:v, :y, :s, :c, :p, 1, :at, :by)")
        .bind("v", versionId).bind("y", year).bind("s", sourceSlug).bind("c", threshold.cents()).bind("p", threshold.percent())
        .bind("at", now).bind("by", actor).execute();
    int position = 0;
    for (Reserve r : reserves) {
      h.createUpdate("insert into accounts_reserve (version_id, reserve_id, position, name, kind, annex_column, opening_cents, addition_cents,"
              + " withdrawal_cents, illustration) values (:v, :id, :pos, :name, :kind, :col, :o, :a, :w, :ill)")
          .bind("v", versionId).bind("id", r.id()).bind("pos", position++).bind("name", r.name()).bind("kind", r.kind().code())
          .bind("col", r.column()).bind("o", r.opening()).bind("a", r.addition()).bind("w", r.withdrawal()).bind("ill", illustration).execute();
    }
  }

  /** Whether any annual accounts were started from the version {@code sourceSlug}. */
  public boolean anyFrom(String sourceSlug) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from annual_accounts where source_slug = :s").bind("s", sourceSlug)
        .mapTo(Integer.class).one() > 0);
  }

  public Optional<Settings> settings(long versionId) {
    return jdbi.withHandle(h -> h.createQuery("select * from annual_accounts where version_id = :v").bind("v", versionId)
        .map((rs, ctx) -> new Settings(rs.getLong("version_id"), rs.getInt("book_year"), rs.getString("source_slug"),
            new Threshold(rs.getLong("threshold_cents"), rs.getInt("threshold_percent")), rs.getInt("revision"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
        .findOne());
  }

  public List<Explanation> explanations(long versionId) {
    return jdbi.withHandle(h -> h.createQuery("select * from accounts_explanation where version_id = :v order by programme_id, side")
        .bind("v", versionId)
        .map((rs, ctx) -> new Explanation(rs.getString("programme_id"), rs.getString("side"), rs.getString("body"), rs.getInt("revision"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
        .list());
  }

  public List<Reserve> reserves(long versionId) {
    return jdbi.withHandle(h -> reserves(h, versionId));
  }

  /** Whether the reserves of the accounts are the shipped illustration. */
  public boolean illustrationReserves(long versionId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from accounts_reserve where version_id = :v and illustration").bind("v", versionId)
        .mapTo(Integer.class).one() > 0);
  }

  /**
   * Sets the explanation of {@code programme}'s deviation on {@code side} to {@code body} (empty: removes it),
   * when the stored revision is still {@code expectedRevision} (0: there was none).
   */
  public Written explain(long versionId, String programme, String side, String body, int expectedRevision, String actor) {
    return jdbi.inTransaction(h -> {
      if (!open(h, versionId)) {
        return new Written.Final();
      }
      Optional<Explanation> now = h.createQuery("select * from accounts_explanation where version_id = :v and programme_id = :p and side = :s")
          .bind("v", versionId).bind("p", programme).bind("s", side)
          .map((rs, ctx) -> new Explanation(rs.getString("programme_id"), rs.getString("side"), rs.getString("body"), rs.getInt("revision"),
              rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
          .findOne();
      int current = now.map(Explanation::revision).orElse(0);
      if (current != expectedRevision) {
        return new Written.Conflict(current, now.map(Explanation::body).orElse(""), now.map(Explanation::updatedBy).orElse(""));
      }
      Instant at = Instant.now();
      int next = current + 1;
      if (body.isEmpty()) {
        h.createUpdate("delete from accounts_explanation where version_id = :v and programme_id = :p and side = :s")
            .bind("v", versionId).bind("p", programme).bind("s", side).execute();
      } else if (now.isEmpty()) {
        h.createUpdate("insert into accounts_explanation (version_id, programme_id, side, body, revision, updated_at, updated_by)"
                + " values (:v, :p, :s, :b, 1, :at, :by)")
            .bind("v", versionId).bind("p", programme).bind("s", side).bind("b", body).bind("at", at).bind("by", actor).execute();
      } else {
        h.createUpdate("update accounts_explanation set body = :b, revision = :r, updated_at = :at, updated_by = :by"
                + " where version_id = :v and programme_id = :p and side = :s")
            .bind("v", versionId).bind("p", programme).bind("s", side).bind("b", body).bind("r", next).bind("at", at).bind("by", actor)
            .execute();
      }
      AuditLog.record(h, LogEntry.change(actor, "accounts.explain", programme + "/" + side, versionId, now.map(Explanation::body).orElse(null),
          body.isEmpty() ? null : body), at);
      return new Written.Done(body.isEmpty() ? 0 : next);
    });
  }

  /** Sets the threshold, when the settings' revision is still {@code expectedRevision}. */
  public Written threshold(long versionId, Threshold threshold, int expectedRevision, String actor) {
    return jdbi.inTransaction(h -> {
      if (!open(h, versionId)) {
        return new Written.Final();
      }
      var row = h.createQuery("select threshold_cents, threshold_percent, revision, updated_by from annual_accounts where version_id = :v")
          .bind("v", versionId).mapToMap().findOne();
      if (row.isEmpty()) {
        return new Written.Final();
      }
      int current = ((Number) row.get().get("revision")).intValue();
      String before = row.get().get("threshold_cents") + " cents or " + row.get().get("threshold_percent") + " %";
      if (current != expectedRevision) {
        return new Written.Conflict(current, before, String.valueOf(row.get().get("updated_by")));
      }
      Instant at = Instant.now();
      h.createUpdate("update annual_accounts set threshold_cents = :c, threshold_percent = :p, revision = :r, updated_at = :at, updated_by = :by"
              + " where version_id = :v")
          .bind("c", threshold.cents()).bind("p", threshold.percent()).bind("r", current + 1).bind("at", at).bind("by", actor)
          .bind("v", versionId).execute();
      AuditLog.record(h, LogEntry.change(actor, "accounts.threshold", "drempel", versionId, before,
          threshold.cents() + " cents or " + threshold.percent() + " %"), at);
      return new Written.Done(current + 1);
    });
  }

  /**
   * Replaces the reserves of the accounts by {@code reserves} (in this order), when the accounts' revision (which
   * the reserves share with the threshold) is still {@code expectedRevision}: one transaction that locks the
   * version's row, refuses a submitted or adopted version, reads the accounts' row and checks the revision, asks
   * {@code check} (the core's rules, through the workspace, on the version as it is in this transaction) and only
   * when it finds nothing writes the rows, raises the revision and logs the reserves before and after
   * ({@code accounts.reserves}). A row keeps the mark of the shipped illustration only while it is unchanged.
   */
  public Written reserves(long versionId, List<Reserve> reserves, int expectedRevision, String actor,
      Function<Locked, List<ReserveRules.Problem>> check) {
    return jdbi.inTransaction(h -> {
      Optional<StoredVersion> version = h.createQuery("select * from budget_version where id = :id for update").bind("id", versionId)
          .map((rs, ctx) -> VersionStore.version(rs)).findOne();
      if (version.isEmpty() || version.get().status().adopted() || version.get().status() == VersionStatus.INGEDIEND) {
        return new Written.Final();
      }
      var row = h.createQuery("select revision, updated_by from annual_accounts where version_id = :v").bind("v", versionId).mapToMap().findOne();
      if (row.isEmpty()) {
        return new Written.Final();
      }
      List<Reserve> before = reserves(h, versionId);
      int current = ((Number) row.get().get("revision")).intValue();
      if (current != expectedRevision) {
        return new Written.Conflict(current, describe(before), String.valueOf(row.get().get("updated_by")));
      }
      List<ReserveRules.Problem> problems = check.apply(new Locked(version.get(), VersionStore.proposals(h, versionId), before));
      if (!problems.isEmpty()) {
        return new Written.Refused(List.copyOf(problems));
      }
      java.util.Set<Reserve> illustrated = new java.util.HashSet<>(h.createQuery("select * from accounts_reserve where version_id = :v and illustration")
          .bind("v", versionId).map((rs, ctx) -> reserve(rs)).list());
      h.createUpdate("delete from accounts_reserve where version_id = :v").bind("v", versionId).execute();
      int position = 0;
      for (Reserve r : reserves) {
        h.createUpdate("insert into accounts_reserve (version_id, reserve_id, position, name, kind, annex_column, opening_cents, addition_cents,"
                + " withdrawal_cents, illustration) values (:v, :id, :pos, :name, :kind, :col, :o, :a, :w, :ill)")
            .bind("v", versionId).bind("id", r.id()).bind("pos", position++).bind("name", r.name()).bind("kind", r.kind().code())
            .bind("col", r.column()).bind("o", r.opening()).bind("a", r.addition()).bind("w", r.withdrawal()).bind("ill", illustrated.contains(r))
            .execute();
      }
      Instant at = Instant.now();
      h.createUpdate("update annual_accounts set revision = :r, updated_at = :at, updated_by = :by where version_id = :v")
          .bind("r", current + 1).bind("at", at).bind("by", actor).bind("v", versionId).execute();
      AuditLog.record(h, LogEntry.change(actor, "accounts.reserves", "reserves", versionId, before.isEmpty() ? null : describe(before),
          reserves.isEmpty() ? null : describe(reserves)), at); // one line per reserve, "name (kind, kolom): amounts": the log shows it field by field
      return new Written.Done(current + 1);
    });
  }

  /** Reserves in words, one a line, for the log and a conflict: {@code Algemene reserve (algemeen, kolom 1): begin € 2.500.000,00, ...}. */
  public static String describe(List<Reserve> reserves) {
    if (reserves.isEmpty()) {
      return "(geen reserves)";
    }
    StringBuilder sb = new StringBuilder();
    for (Reserve r : reserves) {
      sb.append(sb.length() == 0 ? "" : "\n").append(r.name()).append(" (").append(r.kind() == null ? "?" : r.kind().code()).append(", kolom ")
          .append(r.column()).append("): begin ").append(Dutch.money(r.opening())).append(", toevoeging ").append(Dutch.money(r.addition()))
          .append(", onttrekking ").append(Dutch.money(r.withdrawal()));
    }
    return sb.toString();
  }

  private static List<Reserve> reserves(Handle h, long versionId) {
    return h.createQuery("select * from accounts_reserve where version_id = :v order by position").bind("v", versionId)
        .map((rs, ctx) -> reserve(rs)).list();
  }

  private static Reserve reserve(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Reserve(rs.getString("reserve_id"), rs.getString("name"), Reserve.Kind.ofCode(rs.getString("kind")),
        rs.getString("annex_column"), rs.getLong("opening_cents"), rs.getLong("addition_cents"), rs.getLong("withdrawal_cents"));
  }

  /** Locks the version's row; false when it is gone or adopted. */
  private static boolean open(Handle h, long versionId) {
    Optional<String> status = h.createQuery("select status from budget_version where id = :id for update").bind("id", versionId)
        .mapTo(String.class).findOne();
    return status.isPresent() && !("vastgesteld".equals(status.get()) || "gepubliceerd".equals(status.get()));
  }
}
