package nl.begroot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Versions, proposals and the change log, in plain SQL. Every write runs in one transaction, names
 * its actor, raises the version's stamp and appends to the change log; a write that expects a
 * revision that is no longer current changes nothing and reports {@link Write#CONFLICT}.
 */
public final class VersionStore {
  private final Jdbi jdbi;

  public VersionStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The result of a conditional write. */
  public enum Write {
    DONE,
    CONFLICT,
    NOT_FOUND
  }

  public List<StoredVersion> versions() {
    return jdbi.withHandle(h -> h.createQuery("select * from budget_version order by id")
        .map((rs, ctx) -> version(rs)).list());
  }

  public Optional<StoredVersion> version(String slug) {
    return jdbi.withHandle(h -> h.createQuery("select * from budget_version where slug = :slug")
        .bind("slug", slug).map((rs, ctx) -> version(rs)).findOne());
  }

  /** The version's stamp, or empty when there is no such version: one cheap query per request. */
  public Optional<Long> stamp(String slug) {
    return jdbi.withHandle(h -> h.createQuery("select stamp from budget_version where slug = :slug")
        .bind("slug", slug).mapTo(Long.class).findOne());
  }

  public List<StoredProposal> proposals(long versionId) {
    return jdbi.withHandle(h -> proposals(h, versionId));
  }

  private static List<StoredProposal> proposals(Handle h, long versionId) {
    return h.createQuery("select * from proposal where version_id = :v order by position, proposal_id")
        .bind("v", versionId).map((rs, ctx) -> proposal(rs)).list();
  }

  public Optional<StoredProposal> proposal(long versionId, String proposalId) {
    return jdbi.withHandle(h -> h.createQuery("select * from proposal where version_id = :v and proposal_id = :p")
        .bind("v", versionId).bind("p", proposalId).map((rs, ctx) -> proposal(rs)).findOne());
  }

  public List<Change> changes(long versionId, int limit) {
    return jdbi.withHandle(h -> h.createQuery(
            "select * from change_log where version_id = :v order by id desc limit :n")
        .bind("v", versionId).bind("n", limit)
        .map((rs, ctx) -> new Change(rs.getLong("id"), rs.getLong("version_id"), instant(rs, "at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("target"),
            rs.getString("before_yaml"), rs.getString("after_yaml")))
        .list());
  }

  /**
   * Creates a version with its proposals in one transaction.
   *
   * @return the new version, or empty when the slug is taken
   */
  public Optional<StoredVersion> create(
      String slug, String name, String kind, Long basedOn, String baseYaml, List<NewProposal> proposals, String actor, String action) {
    try {
      return createOnce(slug, name, kind, basedOn, baseYaml, proposals, actor, action);
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        return Optional.empty(); // another request made a version of that name first
      }
      throw e;
    }
  }

  /** True when {@code e} is a unique-key violation (SQLState 23505 on H2 and PostgreSQL). */
  static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private Optional<StoredVersion> createOnce(
      String slug, String name, String kind, Long basedOn, String baseYaml, List<NewProposal> proposals, String actor, String action) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from budget_version where slug = :s").bind("s", slug).mapTo(Integer.class).one() > 0) {
        return Optional.<StoredVersion>empty();
      }
      Instant now = Instant.now();
      long id = h.createUpdate("insert into budget_version (slug, name, kind, based_on, base_yaml, revision, stamp,"
              + " created_at, created_by, updated_at, updated_by)"
              + " values (:slug, :name, :kind, :basedOn, :base, 1, nextval('version_stamp'), :now, :actor, :now, :actor)")
          .bind("slug", slug).bind("name", name).bind("kind", kind).bind("basedOn", basedOn)
          .bind("base", baseYaml).bind("now", now).bind("actor", actor)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      int position = 0;
      for (NewProposal p : proposals) {
        insertProposal(h, id, p, position++, now, actor);
      }
      log(h, id, now, actor, action, slug, null, null);
      return h.createQuery("select * from budget_version where id = :id").bind("id", id).map((rs, ctx) -> version(rs)).findOne();
    });
  }

  /** Adds a proposal at the end; false when the id is taken in this version. */
  public boolean addProposal(long versionId, NewProposal p, String actor) {
    try {
      return addProposalOnce(versionId, p, actor);
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        return false; // another request added that id first
      }
      throw e;
    }
  }

  private boolean addProposalOnce(long versionId, NewProposal p, String actor) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from proposal where version_id = :v and proposal_id = :p")
          .bind("v", versionId).bind("p", p.proposalId()).mapTo(Integer.class).one() > 0) {
        return false;
      }
      int position = h.createQuery("select coalesce(max(position), -1) + 1 from proposal where version_id = :v")
          .bind("v", versionId).mapTo(Integer.class).one();
      Instant now = Instant.now();
      insertProposal(h, versionId, p, position, now, actor);
      touch(h, versionId, now, actor);
      log(h, versionId, now, actor, "proposal.create", p.proposalId(), null, p.bodyYaml());
      return true;
    });
  }

  /** Replaces a proposal's text (and withdrawn flag) when its revision is still {@code expectedRevision}. */
  public Write updateProposal(long versionId, NewProposal p, int expectedRevision, String actor, String action) {
    return jdbi.inTransaction(h -> {
      Optional<StoredProposal> current = h.createQuery("select * from proposal where version_id = :v and proposal_id = :p")
          .bind("v", versionId).bind("p", p.proposalId()).map((rs, ctx) -> proposal(rs)).findOne();
      if (current.isEmpty()) {
        return Write.NOT_FOUND;
      }
      Instant now = Instant.now();
      int rows = h.createUpdate("update proposal set unit_id = :unit, title = :title, body_yaml = :body,"
              + " withdrawn = :withdrawn, revision = revision + 1, updated_at = :now, updated_by = :actor"
              + " where version_id = :v and proposal_id = :p and revision = :rev")
          .bind("unit", p.unitId()).bind("title", p.title()).bind("body", p.bodyYaml()).bind("withdrawn", p.withdrawn())
          .bind("now", now).bind("actor", actor).bind("v", versionId).bind("p", p.proposalId()).bind("rev", expectedRevision)
          .execute();
      if (rows == 0) {
        return Write.CONFLICT;
      }
      touch(h, versionId, now, actor);
      log(h, versionId, now, actor, action, p.proposalId(), current.get().bodyYaml(), p.bodyYaml());
      return Write.DONE;
    });
  }

  /** Replaces the version's base when its revision is still {@code expectedRevision}. */
  public Write updateBase(long versionId, String baseYaml, int expectedRevision, String actor, String action, String target) {
    return jdbi.inTransaction(h -> {
      Optional<String> before = h.createQuery("select base_yaml from budget_version where id = :id")
          .bind("id", versionId).mapTo(String.class).findOne();
      if (before.isEmpty()) {
        return Write.NOT_FOUND;
      }
      Instant now = Instant.now();
      int rows = h.createUpdate("update budget_version set base_yaml = :base, revision = revision + 1,"
              + " stamp = nextval('version_stamp'), updated_at = :now, updated_by = :actor where id = :id and revision = :rev")
          .bind("base", baseYaml).bind("now", now).bind("actor", actor).bind("id", versionId).bind("rev", expectedRevision)
          .execute();
      if (rows == 0) {
        return Write.CONFLICT;
      }
      log(h, versionId, now, actor, action, target, before.get(), baseYaml);
      return Write.DONE;
    });
  }

  /** Deletes a version with its proposals and log; false when other versions are based on it. */
  public boolean delete(long versionId) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from budget_version where based_on = :id").bind("id", versionId).mapTo(Integer.class).one() > 0) {
        return false;
      }
      h.createUpdate("delete from change_log where version_id = :id").bind("id", versionId).execute();
      h.createUpdate("delete from proposal where version_id = :id").bind("id", versionId).execute();
      return h.createUpdate("delete from budget_version where id = :id").bind("id", versionId).execute() == 1;
    });
  }

  public boolean isEmpty() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from budget_version").mapTo(Integer.class).one() == 0);
  }

  private static void insertProposal(Handle h, long versionId, NewProposal p, int position, Instant now, String actor) {
    h.createUpdate("insert into proposal (version_id, proposal_id, position, unit_id, title, body_yaml, withdrawn, revision,"
            + " created_at, created_by, updated_at, updated_by)"
            + " values (:v, :p, :pos, :unit, :title, :body, :withdrawn, 1, :now, :actor, :now, :actor)")
        .bind("v", versionId).bind("p", p.proposalId()).bind("pos", position).bind("unit", p.unitId())
        .bind("title", p.title()).bind("body", p.bodyYaml()).bind("withdrawn", p.withdrawn())
        .bind("now", now).bind("actor", actor).execute();
  }

  private static void touch(Handle h, long versionId, Instant now, String actor) {
    h.createUpdate("update budget_version set stamp = nextval('version_stamp'), updated_at = :now, updated_by = :actor where id = :id")
        .bind("now", now).bind("actor", actor).bind("id", versionId).execute();
  }

  private static void log(Handle h, long versionId, Instant at, String actor, String action, String target, String before, String after) {
    h.createUpdate("insert into change_log (version_id, at, actor, action, target, before_yaml, after_yaml)"
            + " values (:v, :at, :actor, :action, :target, :before, :after)")
        .bind("v", versionId).bind("at", at).bind("actor", actor).bind("action", action).bind("target", target)
        .bind("before", before).bind("after", after).execute();
  }

  private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static StoredVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
    long basedOn = rs.getLong("based_on");
    return new StoredVersion(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind"),
        rs.wasNull() ? null : basedOn, rs.getString("base_yaml"), rs.getInt("revision"), rs.getLong("stamp"),
        instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
  }

  private static StoredProposal proposal(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredProposal(rs.getLong("version_id"), rs.getString("proposal_id"), rs.getInt("position"),
        rs.getString("unit_id"), rs.getString("title"), rs.getString("body_yaml"), rs.getBoolean("withdrawn"),
        rs.getInt("revision"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
        rs.getString("updated_by"));
  }
}
