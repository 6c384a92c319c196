package nl.begroot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import nl.begroot.core.cycle.ProposalStatus;
import nl.begroot.core.cycle.VersionStatus;

/**
 * Versions, proposals and the change log, in plain SQL. Every write to a version runs in one
 * transaction ({@link #write}) that locks the version's row, reads the rows it changes, and writes
 * what the caller made of those rows: no write is based on a copy read earlier. Each write names its
 * actor, raises the version's stamp and appends to the change log the row exactly as it was before
 * and after.
 */
public final class VersionStore {
  private final Jdbi jdbi;
  /** How the stored text's length is counted: in UTF-8 bytes on PostgreSQL (never fewer than Java's characters), in Java's characters on H2. */
  private final String length;

  public VersionStore(Database database) {
    this.jdbi = database.jdbi();
    this.length = database.url().isPostgres() ? "octet_length" : "char_length";
  }

  /**
   * A write refused because the version's text, read back, could be longer than the one limit on a
   * budget's text ({@link nl.begroot.core.model.BudgetSize}, decision 193): its transaction is rolled
   * back, nothing of it is stored.
   */
  public static final class TooLarge extends StoreException {
    private static final long serialVersionUID = 1L;
    public final String slug;
    public final long chars;

    TooLarge(String slug, long chars) {
      super("the version '" + slug + "' would be stored as a text of up to " + chars + " characters; a budget's text is at most "
          + nl.begroot.core.model.BudgetSize.limit() + " (docs/format.md, Limits)", null);
      this.slug = slug;
      this.chars = chars;
    }
  }

  /**
   * Refuses (throws {@link TooLarge}, inside the write's transaction) when the text the version {@code
   * id} is read back as could be longer than {@link nl.begroot.core.model.BudgetSize#MAX_CHARS}. That
   * text is the base with the withdrawn ids listed in it, then the active proposals' texts
   * ({@code workspace.BudgetCodec.readRows}); counted here from above, without reading the rows into
   * this process: twice the base (its own withdrawn list is written out again, quoted), every active
   * proposal's text, every withdrawn id twice (quoted and escaped) with its list item, and the
   * {@code proposals:} key.
   */
  private void refuseTooLarge(Handle h, long id) {
    var row = h.createQuery("select slug, 2 * " + length + "(base_yaml) + coalesce((select sum(case when p.withdrawn then 2 * " + length
            + "(p.proposal_id) + 8 else " + length + "(p.body_yaml) end) from proposal p where p.version_id = v.id), 0) + 16 as chars"
            + " from budget_version v where v.id = :id")
        .bind("id", id).map((rs, ctx) -> java.util.Map.entry(rs.getString("slug"), rs.getLong("chars"))).findOne();
    if (row.isPresent() && row.get().getValue() > nl.begroot.core.model.BudgetSize.MAX_CHARS) {
      throw new TooLarge(row.get().getKey(), row.get().getValue());
    }
  }

  public List<StoredVersion> versions() {
    return jdbi.withHandle(h -> h.createQuery("select * from budget_version order by id")
        .map((rs, ctx) -> version(rs)).list());
  }

  /**
   * One number for what a listing of the organisation's versions shows (each version's id, name, kind,
   * status and sharing): it changes when a version is started, renamed, moved through the cycle, shared
   * or deleted. Read without the versions' texts: the web asks it on every cached page (decision 201).
   */
  public long listingMark(String organisation) {
    return jdbi.withHandle(h -> h.createQuery("select id, name, kind, status, shared from budget_version where organisation = :o order by id")
        .bind("o", organisation).reduceResultSet(17L, (mark, rs, ctx) -> mark * 31
            + java.util.Objects.hash(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("status"), rs.getBoolean("shared"))));
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

  /** A version's row and its proposal rows as of one moment. */
  public record VersionRows(StoredVersion version, List<StoredProposal> rows) {}

  /**
   * The version and its rows read in one transaction that locks the version's row ({@code for update}, as every
   * write does first), so that no write comes between them; empty when there is no such version. For a reader whose
   * unlocked reads kept finding the version written to between them.
   */
  public Optional<VersionRows> versionRowsLocked(String slug) {
    return jdbi.inTransaction(h -> h.createQuery("select * from budget_version where slug = :slug for update")
        .bind("slug", slug).map((rs, ctx) -> version(rs)).findOne().map(v -> new VersionRows(v, proposals(h, v.id()))));
  }

  static List<StoredProposal> proposals(Handle h, long versionId) {
    return h.createQuery("select * from proposal where version_id = :v order by position, proposal_id")
        .bind("v", versionId).map((rs, ctx) -> proposal(rs)).list();
  }

  public Optional<StoredProposal> proposal(long versionId, String proposalId) {
    return jdbi.withHandle(h -> h.createQuery("select * from proposal where version_id = :v and proposal_id = :p")
        .bind("v", versionId).bind("p", proposalId).map((rs, ctx) -> proposal(rs)).findOne());
  }

  /** The newest {@code limit} entries of a version's change log, newest first. */
  public List<Change> changes(long versionId, int limit) {
    return changes(versionId, null, limit);
  }

  /**
   * One page of a version's change log, newest first: at most {@code limit} entries with an id
   * below {@code beforeId} (all when null). The next page starts before the last entry's id.
   */
  public List<Change> changes(long versionId, Long beforeId, int limit) {
    return changes(AuditLog.Filter.ALL.withVersion(versionId), beforeId, limit);
  }

  /** One page of the log's entries that pass {@code filter}, newest first (see {@link AuditLog#entries}). */
  public List<Change> changes(AuditLog.Filter filter, Long beforeId, int limit) {
    return jdbi.withHandle(h -> AuditLog.entries(h, filter, beforeId, limit));
  }

  static Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
    return AuditLog.change(rs);
  }

  /**
   * Creates a version with its proposals in one transaction.
   *
   * @return the new version, or empty when the slug is taken
   */
  public Optional<StoredVersion> create(
      String slug, String name, String kind, Long basedOn, String baseYaml, List<NewProposal> proposals, String actor, String action) {
    return create(null, slug, name, kind, basedOn, baseYaml, proposals, actor, action);
  }

  /**
   * Creates a version of the organisation {@code organisation} (a registered slug, {@link Organisations};
   * null: the first) with its proposals in one transaction.
   *
   * @return the new version, or empty when the slug is taken
   */
  public Optional<StoredVersion> create(String organisation,
      String slug, String name, String kind, Long basedOn, String baseYaml, List<NewProposal> proposals, String actor, String action) {
    try {
      return createOnce(organisation, slug, name, kind, basedOn, baseYaml, proposals, actor, action);
    } catch (RuntimeException e) {
      if (!uniqueViolation(e)) {
        throw e;
      }
      if (version(slug).isPresent()) {
        return Optional.empty(); // another request made a version of that name first
      }
      // on an empty database two first versions register the first organisation at once: the one that
      // lost that race finds it registered now and tries again (once; the slug is still free)
      return createOnce(organisation, slug, name, kind, basedOn, baseYaml, proposals, actor, action);
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

  private Optional<StoredVersion> createOnce(String organisation,
      String slug, String name, String kind, Long basedOn, String baseYaml, List<NewProposal> proposals, String actor, String action) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from budget_version where slug = :s").bind("s", slug).mapTo(Integer.class).one() > 0) {
        return Optional.<StoredVersion>empty();
      }
      String org = Organisations.resolve(h, organisation);
      Instant now = Instant.now();
      long id = h.createUpdate("insert into budget_version (slug, name, kind, based_on, base_yaml, revision, stamp,"
              + " created_at, created_by, updated_at, updated_by, organisation)"
              + " values (:slug, :name, :kind, :basedOn, :base, 1, nextval('version_stamp'), :now, :actor, :now, :actor, :org)")
          .bind("slug", slug).bind("name", name).bind("kind", kind).bind("basedOn", basedOn).bind("org", org)
          .bind("base", baseYaml).bind("now", now).bind("actor", actor)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      int position = 0;
      for (NewProposal p : proposals) {
        insertProposal(h, id, p, position++, now, actor);
      }
      log(h, id, now, actor, action, slug, null, null);
      refuseTooLarge(h, id);
      return h.createQuery("select * from budget_version where id = :id").bind("id", id).map((rs, ctx) -> version(rs)).findOne();
    });
  }

  /**
   * What one write sees and does, inside its own transaction: the version's row (locked with {@code
   * select ... for update}, so writes to one version run one after the other, on every server that
   * shares the database) and its proposals' rows as they are now. Each change is applied to the row
   * read here, checks that row's revision, raises the version's stamp and logs exactly that row
   * before and after. Changing nothing writes nothing.
   */
  public interface Write {
    /** The version's row as it is in this transaction. */
    StoredVersion version();

    /** The version's proposals (withdrawn ones included) as they are in this transaction, in order. */
    List<StoredProposal> proposals();

    /** One proposal's row as it is in this transaction. */
    default Optional<StoredProposal> proposal(String proposalId) {
      return proposals().stream().filter(r -> r.proposalId().equals(proposalId)).findFirst();
    }

    /** Adds a proposal at the end; false (nothing written) when the id is taken in this version. */
    boolean add(NewProposal p, String action);

    /** Replaces the proposal {@code current} (a row of {@link #proposals()}) by {@code p}. */
    void replace(StoredProposal current, NewProposal p, String action);

    /** Replaces the version's base (keys, rates, narratives: everything but the proposals). */
    void replaceBase(String baseYaml, String action, String target);

    /**
     * Moves the proposal {@code current} (a row of {@link #proposals()}) to {@code status}, with who
     * reviewed it and why (null for a submission); its text stays, its revision rises.
     */
    void review(StoredProposal current, ProposalStatus status, String reviewer, String reason, String action);

    /**
     * Moves the version to {@code status}; {@code adoption} holds the facts of an adoption (null for any
     * other move, which keeps the facts as they are: publishing keeps them; taking back has none).
     */
    void status(VersionStatus status, Adoption adoption, String action);

    /** Shares a scenario with others or stops sharing it. */
    void share(boolean shared, String action);
  }

  /** The facts of an adoption as stored: the date, the body, the decision's reference, who recorded it. */
  public record Adoption(java.time.LocalDate on, String body, String reference, String by) {}

  /**
   * Runs {@code work} on the version {@code slug} as it is now, in one transaction with the version
   * locked: {@code work} reads the rows it changes here, decides, and writes through the {@link
   * Write} it is given; what it returns is returned. An exception from {@code work} rolls back
   * everything it wrote.
   *
   * @return the result of {@code work}, or empty when there is no such version
   */
  public <R> Optional<R> write(String slug, String actor, java.util.function.Function<Write, R> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return writeOnce(slug, actor, work);
      } catch (RuntimeException e) {
        if (attempt >= 5 || !lockTimeout(e)) {
          throw e;
        }
        // waited too long for the version's lock (another server's write): nothing was written; again
      }
    }
  }

  /** True when {@code e} is a lock wait that timed out or a deadlock (H2 HYT00; PostgreSQL 55P03, 40P01, 40001). */
  static boolean lockTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && java.util.Set.of("HYT00", "55P03", "40P01", "40001").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private <R> Optional<R> writeOnce(String slug, String actor, java.util.function.Function<Write, R> work) {
    try {
      return jdbi.inTransaction(h -> {
        Optional<StoredVersion> version = h.createQuery("select * from budget_version where slug = :slug for update")
            .bind("slug", slug).map((rs, ctx) -> version(rs)).findOne();
        if (version.isEmpty()) {
          return Optional.<R>empty();
        }
        InTransaction tx = new InTransaction(h, version.get(), proposals(h, version.get().id()), actor);
        R result = work.apply(tx);
        refuseTooLarge(h, version.get().id());
        return Optional.ofNullable(result);
      });
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        throw new Taken(e); // a proposal id added by another server between the read and the insert
      }
      throw e;
    }
  }

  /** Thrown by {@link #write} when an insert met a row another writer inserted first (its id is taken). */
  public static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Taken(Throwable cause) {
      super("the id is taken", cause);
    }
  }

  private static final class InTransaction implements Write {
    private final Handle h;
    private final StoredVersion version;
    private final List<StoredProposal> proposals;
    private final String actor;

    InTransaction(Handle h, StoredVersion version, List<StoredProposal> proposals, String actor) {
      this.h = h;
      this.version = version;
      this.proposals = List.copyOf(proposals);
      this.actor = actor;
    }

    @Override
    public StoredVersion version() {
      return version;
    }

    @Override
    public List<StoredProposal> proposals() {
      return proposals;
    }

    @Override
    public boolean add(NewProposal p, String action) {
      if (proposal(p.proposalId()).isPresent()) {
        return false;
      }
      int position = h.createQuery("select coalesce(max(position), -1) + 1 from proposal where version_id = :v")
          .bind("v", version.id()).mapTo(Integer.class).one();
      Instant now = Instant.now();
      insertProposal(h, version.id(), p, position, now, actor);
      touch(h, version.id(), now, actor);
      log(h, version.id(), now, actor, action, p.proposalId(), null, p.bodyYaml());
      return true;
    }

    @Override
    public void replace(StoredProposal current, NewProposal p, String action) {
      if (current.versionId() != version.id() || !current.proposalId().equals(p.proposalId())) {
        throw new IllegalArgumentException("a write replaces a row of its own version with the same id");
      }
      Instant now = Instant.now();
      // any change puts the proposal back to concept: an approval was of the text as it was
      int rows = h.createUpdate("update proposal set unit_id = :unit, title = :title, body_yaml = :body,"
              + " withdrawn = :withdrawn, revision = revision + 1, updated_at = :now, updated_by = :actor,"
              + " status = 'concept', reviewer = null, review_reason = null, reviewed_at = null"
              + " where version_id = :v and proposal_id = :p and revision = :rev")
          .bind("unit", p.unitId()).bind("title", p.title()).bind("body", p.bodyYaml()).bind("withdrawn", p.withdrawn())
          .bind("now", now).bind("actor", actor).bind("v", version.id()).bind("p", p.proposalId()).bind("rev", current.revision())
          .execute();
      if (rows != 1) { // cannot happen while the version is locked; refuses rather than writes over
        throw new IllegalStateException("proposal " + p.proposalId() + " changed under a locked version");
      }
      touch(h, version.id(), now, actor);
      log(h, version.id(), now, actor, action, p.proposalId(), current.bodyYaml(), p.bodyYaml());
    }

    @Override
    public void replaceBase(String baseYaml, String action, String target) {
      Instant now = Instant.now();
      int rows = h.createUpdate("update budget_version set base_yaml = :base, revision = revision + 1,"
              + " stamp = nextval('version_stamp'), updated_at = :now, updated_by = :actor where id = :id and revision = :rev")
          .bind("base", baseYaml).bind("now", now).bind("actor", actor).bind("id", version.id()).bind("rev", version.revision())
          .execute();
      if (rows != 1) {
        throw new IllegalStateException("version " + version.slug() + " changed while locked");
      }
      log(h, version.id(), now, actor, action, target, version.baseYaml(), baseYaml);
    }

    @Override
    public void review(StoredProposal current, ProposalStatus status, String reviewer, String reason, String action) {
      if (current.versionId() != version.id()) {
        throw new IllegalArgumentException("a write reviews a row of its own version");
      }
      Instant now = Instant.now();
      int rows = h.createUpdate("update proposal set status = :status, reviewer = :reviewer, review_reason = :reason,"
              + " reviewed_at = :at, revision = revision + 1, updated_at = :now, updated_by = :actor"
              + " where version_id = :v and proposal_id = :p and revision = :rev")
          .bind("status", status.code()).bind("reviewer", reviewer).bind("reason", reason)
          .bind("at", reviewer == null ? null : now).bind("now", now).bind("actor", actor)
          .bind("v", version.id()).bind("p", current.proposalId()).bind("rev", current.revision()).execute();
      if (rows != 1) {
        throw new IllegalStateException("proposal " + current.proposalId() + " changed under a locked version");
      }
      touch(h, version.id(), now, actor);
      log(h, version.id(), now, actor, action, current.proposalId(), "status: " + current.status().code() + "\n",
          "status: " + status.code() + "\n" + (reason == null || reason.isBlank() ? "" : "reden: " + reason + "\n"));
    }

    @Override
    public void status(VersionStatus status, Adoption adoption, String action) {
      Instant now = Instant.now();
      String sql = "update budget_version set status = :status, stamp = nextval('version_stamp'), updated_at = :now, updated_by = :actor"
          + (adoption != null ? ", adopted_on = :on, adopted_body = :body, decision_ref = :ref, adopted_by = :by" : "")
          + (status == VersionStatus.CONCEPT ? ", adopted_on = null, adopted_body = null, decision_ref = null, adopted_by = null" : "")
          + " where id = :id and status = :was";
      var update = h.createUpdate(sql).bind("status", status.code()).bind("now", now).bind("actor", actor)
          .bind("id", version.id()).bind("was", version.status().code());
      if (adoption != null) {
        update.bind("on", adoption.on()).bind("body", adoption.body()).bind("ref", adoption.reference()).bind("by", adoption.by());
      }
      if (update.execute() != 1) {
        throw new IllegalStateException("version " + version.slug() + " changed while locked");
      }
      log(h, version.id(), now, actor, action, version.slug(), "status: " + version.status().code() + "\n", adopted(status, adoption));
    }

    @Override
    public void share(boolean shared, String action) {
      Instant now = Instant.now();
      h.createUpdate("update budget_version set shared = :shared, stamp = nextval('version_stamp'), updated_at = :now,"
              + " updated_by = :actor where id = :id")
          .bind("shared", shared).bind("now", now).bind("actor", actor).bind("id", version.id()).execute();
      log(h, version.id(), now, actor, action, version.slug(), "gedeeld: " + version.shared() + "\n", "gedeeld: " + shared + "\n");
    }
  }

  /** The amendments (begrotingswijzigingen) of the version {@code adoptedId}, by number. */
  public List<StoredVersion> amendments(long adoptedId) {
    return jdbi.withHandle(h -> h.createQuery("select * from budget_version where based_on = :id and kind = :kind order by amendment_no")
        .bind("id", adoptedId).bind("kind", StoredVersion.AMENDMENT).map((rs, ctx) -> version(rs)).list());
  }

  /**
   * Creates amendment number {@code number} of the adopted version {@code adopted}: a version of kind
   * {@value StoredVersion#AMENDMENT} based on it, with {@code rows} copied as they are (status and review
   * included: a line the amendment does not change stays approved). In one transaction with the adopted
   * version's row locked, so that two amendments never get one number.
   *
   * @return the amendment; empty when {@code number} is not the next number, when another amendment of the
   *     version is still open (concept or ingediend), or when the slug is taken
   */
  public Optional<StoredVersion> createAmendment(long adopted, int number, String slug, String name, String baseYaml,
      List<StoredProposal> rows, String actor) {
    try {
      return jdbi.inTransaction(h -> {
        h.createQuery("select id from budget_version where id = :id for update").bind("id", adopted).mapTo(Long.class).findOne();
        int next = h.createQuery("select coalesce(max(amendment_no), 0) + 1 from budget_version where based_on = :id and kind = :kind")
            .bind("id", adopted).bind("kind", StoredVersion.AMENDMENT).mapTo(Integer.class).one();
        int open = h.createQuery("select count(*) from budget_version where based_on = :id and kind = :kind"
                + " and status in ('concept', 'ingediend')")
            .bind("id", adopted).bind("kind", StoredVersion.AMENDMENT).mapTo(Integer.class).one();
        if (next != number || open > 0
            || h.createQuery("select count(*) from budget_version where slug = :s").bind("s", slug).mapTo(Integer.class).one() > 0) {
          return Optional.<StoredVersion>empty();
        }
        Instant now = Instant.now();
        long id = h.createUpdate("insert into budget_version (slug, name, kind, based_on, base_yaml, revision, stamp,"
                + " created_at, created_by, updated_at, updated_by, amendment_no, organisation)"
                + " values (:slug, :name, :kind, :basedOn, :base, 1, nextval('version_stamp'), :now, :actor, :now, :actor, :no,"
                + " (select b.organisation from budget_version b where b.id = :basedOn))")
            .bind("slug", slug).bind("name", name).bind("kind", StoredVersion.AMENDMENT).bind("basedOn", adopted)
            .bind("base", baseYaml).bind("now", now).bind("actor", actor).bind("no", number)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        copyRows(h, id, rows, now, actor);
        log(h, id, now, actor, "amendment.create", slug, null, null);
        refuseTooLarge(h, id);
        return h.createQuery("select * from budget_version where id = :id").bind("id", id).map((rs, ctx) -> version(rs)).findOne();
      });
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Marks every active proposal of the version {@code slug} approved by {@code actor} (the system's seed:
   * the shipped example's lines count as approved), and, when {@code adoption} is given, the version adopted
   * with those facts. One transaction.
   */
  public void seedDecisions(String slug, String reason, Adoption adoption, String actor) {
    jdbi.useTransaction(h -> {
      Instant now = Instant.now();
      long id = h.createQuery("select id from budget_version where slug = :s for update").bind("s", slug).mapTo(Long.class).one();
      h.createUpdate("update proposal set status = 'goedgekeurd', reviewer = :actor, review_reason = :reason, reviewed_at = :now"
              + " where version_id = :v and not withdrawn")
          .bind("actor", actor).bind("reason", reason).bind("now", now).bind("v", id).execute();
      if (adoption != null) {
        h.createUpdate("update budget_version set status = 'vastgesteld', adopted_on = :on, adopted_body = :body,"
                + " decision_ref = :ref, adopted_by = :by, stamp = nextval('version_stamp') where id = :id")
            .bind("on", adoption.on()).bind("body", adoption.body()).bind("ref", adoption.reference()).bind("by", adoption.by())
            .bind("id", id).execute();
        log(h, id, now, actor, "version.adopt", slug, "status: concept\n", adopted(VersionStatus.VASTGESTELD, adoption));
      }
    });
  }

  /** The definitive budgets (kind {@value StoredVersion#DEFINITIVE}) based on the version {@code conceptId}: none or one. */
  public List<StoredVersion> definitives(long conceptId) {
    return jdbi.withHandle(h -> h.createQuery("select * from budget_version where based_on = :id and kind = :kind order by id")
        .bind("id", conceptId).bind("kind", StoredVersion.DEFINITIVE).map((rs, ctx) -> version(rs)).list());
  }

  /**
   * Creates the definitive budget of the adopted concept {@code concept}: a version of kind {@value
   * StoredVersion#DEFINITIVE} based on it, with {@code rows} copied as they are (status and review included:
   * a line approved in the adopted concept stays approved until it is changed). In one transaction with the
   * concept's row locked, so that a concept never gets two definitive budgets.
   *
   * @return the definitive budget; empty when the concept has one already or the slug is taken
   */
  public Optional<StoredVersion> createDefinitive(long concept, String slug, String name, String baseYaml, List<StoredProposal> rows,
      String actor) {
    try {
      return jdbi.inTransaction(h -> {
        h.createQuery("select id from budget_version where id = :id for update").bind("id", concept).mapTo(Long.class).findOne();
        int existing = h.createQuery("select count(*) from budget_version where based_on = :id and kind = :kind")
            .bind("id", concept).bind("kind", StoredVersion.DEFINITIVE).mapTo(Integer.class).one();
        if (existing > 0
            || h.createQuery("select count(*) from budget_version where slug = :s").bind("s", slug).mapTo(Integer.class).one() > 0) {
          return Optional.<StoredVersion>empty();
        }
        Instant now = Instant.now();
        long id = h.createUpdate("insert into budget_version (slug, name, kind, based_on, base_yaml, revision, stamp,"
                + " created_at, created_by, updated_at, updated_by, organisation)"
                + " values (:slug, :name, :kind, :basedOn, :base, 1, nextval('version_stamp'), :now, :actor, :now, :actor,"
                + " (select b.organisation from budget_version b where b.id = :basedOn))")
            .bind("slug", slug).bind("name", name).bind("kind", StoredVersion.DEFINITIVE).bind("basedOn", concept)
            .bind("base", baseYaml).bind("now", now).bind("actor", actor)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        copyRows(h, id, rows, now, actor);
        log(h, id, now, actor, "definitive.create", slug, null, null);
        refuseTooLarge(h, id);
        return h.createQuery("select * from budget_version where id = :id").bind("id", id).map((rs, ctx) -> version(rs)).findOne();
      });
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Creates a version of kind {@code kind} based on {@code basedOn} with {@code rows} copied as they are (as
   * {@link #createDefinitive}), and runs {@code alsoIn} with the new version's id in the same transaction
   * (the annual accounts and the Tussenrapportage write their own rows there). Logged as {@code action}
   * with {@code logAfter} (null: nothing) as what it made. With {@code onePerBasis}, refused when
   * {@code basedOn} has a version of that kind already (checked under its row lock).
   *
   * @return the new version; empty when the slug is taken, or the basis has one and {@code onePerBasis}
   */
  public Optional<StoredVersion> createBasedOn(String kind, long basedOn, boolean onePerBasis, String slug, String name, String baseYaml,
      List<StoredProposal> rows, String actor, String action, String logAfter, java.util.function.BiConsumer<Handle, Long> alsoIn) {
    try {
      return jdbi.inTransaction(h -> {
        h.createQuery("select id from budget_version where id = :id for update").bind("id", basedOn).mapTo(Long.class).findOne();
        boolean hasOne = onePerBasis && h.createQuery("select count(*) from budget_version where based_on = :id and kind = :kind")
            .bind("id", basedOn).bind("kind", kind).mapTo(Integer.class).one() > 0;
        if (hasOne || h.createQuery("select count(*) from budget_version where slug = :s").bind("s", slug).mapTo(Integer.class).one() > 0) {
          return Optional.<StoredVersion>empty();
        }
        Instant now = Instant.now();
        long id = h.createUpdate("insert into budget_version (slug, name, kind, based_on, base_yaml, revision, stamp,"
                + " created_at, created_by, updated_at, updated_by, organisation)"
                + " values (:slug, :name, :kind, :basedOn, :base, 1, nextval('version_stamp'), :now, :actor, :now, :actor,"
                + " (select b.organisation from budget_version b where b.id = :basedOn))") // its budget's organisation
            .bind("slug", slug).bind("name", name).bind("kind", kind).bind("basedOn", basedOn)
            .bind("base", baseYaml).bind("now", now).bind("actor", actor)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        copyRows(h, id, rows, now, actor);
        alsoIn.accept(h, id);
        log(h, id, now, actor, action, slug, null, logAfter);
        refuseTooLarge(h, id);
        return h.createQuery("select * from budget_version where id = :id").bind("id", id).map((rs, ctx) -> version(rs)).findOne();
      });
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Inserts {@code rows} into the version {@code id} as they are: text, withdrawal, status, review and author. */
  static void copyRows(Handle h, long id, List<StoredProposal> rows, Instant now, String actor) {
    int position = 0;
    for (StoredProposal r : rows) {
      insertProposal(h, id, new NewProposal(r.proposalId(), r.unitId(), r.title(), r.bodyYaml(), r.withdrawn()), position++, now, actor);
      h.createUpdate("update proposal set status = :status, reviewer = :reviewer, review_reason = :reason, reviewed_at = :at,"
              + " created_by = :author where version_id = :v and proposal_id = :p")
          .bind("status", r.status().code()).bind("reviewer", r.reviewer()).bind("reason", r.reviewReason())
          .bind("at", r.reviewedAt()).bind("author", r.createdBy()).bind("v", id).bind("p", r.proposalId()).execute();
    }
  }

  /** Whether {@code e} is the database refusing a write to an adopted version (the V6_1 and V13 triggers). */
  public static boolean finalVersion(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && t.getMessage() != null && t.getMessage().contains("begroot: version")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes a version with its proposals; false when other versions are based on it (or it is
   * gone). Its change log stays, and the deletion is its last entry.
   */
  public boolean delete(long versionId, String actor) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from budget_version where based_on = :id").bind("id", versionId).mapTo(Integer.class).one() > 0) {
        return false;
      }
      Optional<String> slug = h.createQuery("select slug from budget_version where id = :id").bind("id", versionId)
          .mapTo(String.class).findOne();
      if (slug.isEmpty()) {
        return false;
      }
      // the version's row first, the log's head last (AuditLog: no two writers wait for each other)
      h.createQuery("select id from budget_version where id = :id for update").bind("id", versionId).mapTo(Long.class).findOne();
      log(h, versionId, Instant.now(), actor, "version.delete", slug.get(), null, null);
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

  /** A status as the log keeps it after a step: the status, and an adoption's date, body and decision reference. */
  static String adopted(VersionStatus status, Adoption adoption) {
    StringBuilder after = new StringBuilder("status: " + status.code() + "\n");
    if (adoption != null) {
      after.append("vastgesteld_op: ").append(adoption.on()).append("\norgaan: ").append(adoption.body())
          .append("\nbesluit: ").append(adoption.reference()).append('\n');
    }
    return after.toString();
  }

  /** Appends the change to the log, in this transaction (last: it takes the log's lock). */
  static void log(Handle h, long versionId, Instant at, String actor, String action, String target, String before, String after) {
    AuditLog.record(h, LogEntry.change(actor, action, target, versionId, before, after), at);
  }

  private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static StoredVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
    long basedOn = rs.getLong("based_on");
    return new StoredVersion(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind"),
        rs.wasNull() ? null : basedOn, rs.getString("base_yaml"), rs.getInt("revision"), rs.getLong("stamp"),
        instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"),
        VersionStatus.of(rs.getString("status")).orElseThrow(), date(rs, "adopted_on"), rs.getString("adopted_body"),
        rs.getString("decision_ref"), rs.getString("adopted_by"), rs.getBoolean("shared"), integer(rs, "amendment_no"),
        rs.getString("organisation"));
  }

  private static StoredProposal proposal(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredProposal(rs.getLong("version_id"), rs.getString("proposal_id"), rs.getInt("position"),
        rs.getString("unit_id"), rs.getString("title"), rs.getString("body_yaml"), rs.getBoolean("withdrawn"),
        rs.getInt("revision"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
        rs.getString("updated_by"), ProposalStatus.of(rs.getString("status")).orElseThrow(), rs.getString("reviewer"),
        rs.getString("review_reason"), instant(rs, "reviewed_at"));
  }

  private static java.time.LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Integer integer(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    int n = rs.getInt(column);
    return rs.wasNull() ? null : n;
  }
}
