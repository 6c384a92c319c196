package nl.begroot.workspace;

import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Scope;
import nl.begroot.core.cycle.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.core.model.Version;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.LoadResult;
import nl.begroot.format.Problem;
import nl.begroot.store.Database;
import nl.begroot.store.NewProposal;
import nl.begroot.store.StoreException;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/**
 * The use cases over stored versions (see the package documentation). Thread-safe. This class owns
 * what they share: the store, the seed, and each version's {@link Snapshot}, computed by the core's
 * pipeline and kept per stamp. The edits live in rooms by purpose, to which the methods below hand
 * over: {@link ProposalEdits} (proposals and the preview), {@link KeyEdits} (distribution keys),
 * {@link VersionEdits} (copy, delete, import, export, compare).
 */
public final class Workspace {
  /** The shipped versions: the frame (Begroting 2026) and the Conceptbegroting 2027. */
  public static final String FRAME = "begroting-2026";
  public static final String CONCEPT = "conceptbegroting-2027";
  /** The second shipped example (fictitious; docs/organisations.md): the GR Voorbeeldregio's frame and concept. */
  public static final String EXAMPLE_FRAME = "gr-voorbeeldregio-begroting-2026";
  public static final String EXAMPLE_CONCEPT = "gr-voorbeeldregio-conceptbegroting-2027";
  static final int MAX_NAME = 120;
  /** At most this many rows in a ledger mapping (docs/actuals.md). */
  public static final int MAX_MAPPING_ROWS = 5_000;

  /**
   * How long a version's stamp, once read, is trusted before it is read again. Writes through this
   * workspace forget it at once (a user sees their own change on the next page); a write by another
   * server on the same PostgreSQL shows within this time.
   */
  static final long STAMP_TRUST_NANOS = 250_000_000L;

  private final VersionStore store;
  private final Database database;
  private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> stampReadAt = new ConcurrentHashMap<>();
  private final Map<String, Long> writtenAt = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, Object> writeLocks = new ConcurrentHashMap<>();
  private final ProposalEdits proposalEdits;
  private final KeyEdits keyEdits;
  private final MappingEdits mappingEdits;
  private final VersionEdits versionEdits;
  private final CycleEdits cycleEdits;
  private final People people;
  private final nl.begroot.store.AuditLog log;
  private final ActualsImports actuals;
  private final Midyears midyears;
  private final AnnualAccountsEdits annualAccounts;
  private final nl.begroot.store.Organisations organisations;

  public Workspace(Database database) {
    this.database = database;
    this.store = new VersionStore(database);
    this.organisations = new nl.begroot.store.Organisations(database);
    this.log = new nl.begroot.store.AuditLog(database);
    this.people = new People(new nl.begroot.store.AccountStore(database));
    this.people.events(SignInEvents.into(log));
    this.proposalEdits = new ProposalEdits(this);
    this.keyEdits = new KeyEdits(this);
    this.mappingEdits = new MappingEdits(this);
    this.versionEdits = new VersionEdits(this);
    this.cycleEdits = new CycleEdits(this);
    this.actuals = new ActualsImports(this, new nl.begroot.store.ActualsStore(database));
    this.midyears = new Midyears(this, new nl.begroot.store.MidyearStore(database));
    this.annualAccounts = new AnnualAccountsEdits(this, new nl.begroot.store.AnnualAccountsStore(database));
  }

  /** Realised figures: importing them (XAF, CSV) and setting them against a budget. */
  public ActualsImports actuals() {
    return actuals;
  }

  /** The Tussenrapportage (mid-year report): starting one, its forecasts, the report (docs/midyear.md). */
  public Midyears midyears() {
    return midyears;
  }

  /** The annual accounts (jaarrekening): starting, reading, explaining deviations, the threshold (docs/accounts.md). */
  public AnnualAccountsEdits annualAccounts() {
    return annualAccounts;
  }

  /** Forgets a deleted version's snapshot. */
  void forget(String slug) {
    cache.remove(slug);
  }

  /** Forgets what this workspace knows of a version's stamp, after a write (or an attempt). */
  void written(String slug) {
    writtenAt.put(slug, System.nanoTime());
    stampReadAt.remove(slug);
  }

  public VersionStore store() {
    return store;
  }

  /** The log of everything (docs/log.md): reading, filtering, verifying, and events outside a version write. */
  public nl.begroot.store.AuditLog log() {
    return log;
  }

  /** Writes a backup of the whole database (docs/backup.md) to {@code out}, from one snapshot. */
  public nl.begroot.store.Backup.Summary backup(java.io.OutputStream out) throws java.io.IOException {
    return nl.begroot.store.Backup.write(database, out);
  }

    /** People and their sessions. */
  public People people() {
    return people;
  }

  /** On an empty database: stores the built-in budget as the frame and the concept. */
  public void seedIfEmpty(Budget builtIn, Actor actor) {
    seedIfEmpty(() -> builtIn, actor);
  }

  /**
   * On an empty database: stores the budget that {@code builtIn} reads as the frame and the concept;
   * on any other it is not read (a restart does not parse the built-in budget, decision 147).
   */
  public void seedIfEmpty(java.util.function.Supplier<Budget> builtIn, Actor actor) {
    if (!store.isEmpty()) {
      return;
    }
    seed(builtIn.get(), actor);
  }

  private void seed(Budget builtIn, Actor actor) {
    seed(builtIn, FRAME, CONCEPT, "Algemene Vergadering", actor);
  }

  /**
   * Stores {@code builtIn} as the frame {@code frameSlug} (last year's adopted budget) and the concept {@code
   * conceptSlug} of the organisation its file names, registering that organisation.
   */
  private void seed(Budget builtIn, String frameSlug, String conceptSlug, String body, Actor actor) {
    String org = organisations.register(builtIn.organisation().id(), builtIn.organisation().name()).slug();
    Budget frame = frameOf(builtIn);
    StoredVersion f = create(org, frameSlug, frame.version().title(), "frame", null, frame, actor(actor), "version.seed").orElseThrow();
    create(org, conceptSlug, builtIn.version().title(), "concept", f.id(), builtIn, actor(actor), "version.seed");
    // the frame is last year's adopted budget; the concept's lines count as approved, so that the demo can be submitted
    // (the source does not give the adoption's date: the day of seeding is recorded, and the reference says so)
    store.seedDecisions(frameSlug, SEED_APPROVAL, new VersionStore.Adoption(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")),
        body, "Ingebouwd voorbeeld: kader uit de vastgestelde " + frame.version().title().replace(" (kader)", ""), actor(actor)),
        actor(actor));
    store.seedDecisions(conceptSlug, SEED_APPROVAL, null, actor(actor));
  }

  /**
   * The second example organisation (the fictitious GR Voorbeeldregio, decision 164): when the installation has
   * no version of the organisation {@code example} names, stores it as that organisation's frame and concept
   * ({@link #EXAMPLE_FRAME}, {@link #EXAMPLE_CONCEPT}). A restart does not read the file.
   */
  public void seedExampleIfAbsent(java.util.function.Supplier<Budget> example, String organisation, Actor actor) {
    if (organisations.find(organisation).isPresent() && store.versions().stream().anyMatch(v -> v.organisation().equals(organisation))) {
      return;
    }
    if (store.version(EXAMPLE_FRAME).isPresent() || store.version(EXAMPLE_CONCEPT).isPresent()) {
      return;
    }
    seed(example.get(), EXAMPLE_FRAME, EXAMPLE_CONCEPT, "Algemeen bestuur", actor);
  }

  // ---------------------------------------------------------------- organisations

  /** The installation's organisations, the default first (V12). */
  public List<nl.begroot.store.Organisations.Organisation> organisations() {
    return organisations.list();
  }

  public Optional<nl.begroot.store.Organisations.Organisation> organisation(String slug) {
    return organisations.find(slug);
  }

  /**
   * The ONE place a named organisation is resolved: {@code slug} when the installation has it, else the first
   * (the default: an installation with one organisation behaves as before); null in a database without any
   * (the store then registers the IPO with the first version).
   */
  public String organisationOr(String slug) {
    List<nl.begroot.store.Organisations.Organisation> all = organisations.list();
    return all.stream().map(nl.begroot.store.Organisations.Organisation::slug).filter(o -> o.equals(slug)).findFirst()
        .orElse(all.isEmpty() ? null : all.get(0).slug());
  }

  /** The organisation a budget file's version belongs to: the one the file names when registered, else {@link #organisationOr}. */
  String organisationOf(Budget budget, String fallback) {
    String named = budget.organisation() == null ? null : budget.organisation().id();
    return organisations.find(named).isPresent() ? named : organisationOr(fallback);
  }

  /** The organisation's concept: its first version of kind concept (the shipped one), else its first version; empty when it has none. */
  public Optional<String> conceptOf(String organisation) {
    List<StoredVersion> own = store.versions().stream().filter(v -> v.organisation().equals(organisation)).toList();
    return own.stream().filter(v -> "concept".equals(v.kind())).findFirst().or(() -> own.stream().findFirst()).map(StoredVersion::slug);
  }

  /** Registers an organisation (the CLI's {@code organisations add}); the slug is the {@code organisation.id} of its files. */
  public nl.begroot.store.Organisations.Organisation registerOrganisation(String slug, String name) {
    return organisations.register(slug, name);
  }

  /** The shipped illustration of realised figures (made up, labelled so; src/main/resources/nl/begroot/examples/README.md). */
  public static final List<String> ILLUSTRATION = List.of("illustratie-realisatie-2026.xaf", "illustratie-realisatie-2027-t-m-juni.xaf");

  /**
   * When the concept's organisation has no realised figures yet: imports the shipped illustration
   * (realised 2026 and January-June 2027) by the concept's ledger mapping, so that a new user sees
   * budget against realised. Returns the problems when a file is refused (never, for the shipped files).
   */
  public List<String> seedActualsIfNone(Actor actor) {
    var concept = snapshot(CONCEPT);
    if (concept.isEmpty() || actuals.any(concept.get().budget().organisation().id())) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String file : ILLUSTRATION) {
      try (var in = Workspace.class.getResourceAsStream("/nl/begroot/examples/" + file)) {
        var r = actuals.importFile(CONCEPT, file, ActualsImports.Format.XAF, in, nl.begroot.format.XafReader.MAX_BYTES, actor, null);
        if (r instanceof ActualsImports.Result.Refused refused) {
          refused.problems().forEach(p -> problems.add(file + ": " + p));
        }
      } catch (java.io.IOException e) {
        problems.add(file + ": " + e.getMessage());
      }
    }
    return problems;
  }

  /**
   * On first start, when it is not there: the shipped illustration of the cycle after the concept (an
   * adopted copy of the concept titled as an illustration, its definitive budget and one amendment, all
   * adopted; {@link CycleIllustration}). Returns what it made, in words.
   */
  public List<String> seedCycleIllustrationIfNone(Actor system) {
    return new CycleIllustration(this).seedIfNone(system);
  }

  /** The illustration's adopted definitive budget (the basis of its Tussenrapportage), when it is there. */
  public Optional<StoredVersion> illustrationBudget() {
    return new CycleIllustration(this).definitive();
  }

  /** The reason the seed gives for approving the shipped example's lines. */
  static final String SEED_APPROVAL = "Ingebouwd voorbeeld: goedgekeurd bij het inlezen";

  /**
   * The frame a budget starts from: the same budget without its entered proposals and transfers
   * (computed lines stay and come to zero), titled as the budget it was adopted in.
   */
  static Budget frameOf(Budget b) {
    Version v = b.version();
    String title = v.frameTitle() != null ? v.frameTitle() : "Kader " + v.title();
    Version fv = new Version(v.id() + "-kader", "Begroting " + (v.budgetYear() - 1) + " (kader)", Version.Phase.ADOPTED,
        v.budgetYear(), v.years(), title, v.proposalsTitle(), v.newFrameTitle());
    // Lines that the annex names must exist; they stay, at zero. Other lines and the transfers
    // go; the balancing line stays and comes to zero.
    java.util.Set<String> named = new java.util.HashSet<>();
    if (b.annex() != null) {
      b.annex().columns().forEach(c -> named.addAll(c.proposals()));
    }
    List<Proposal> kept = new ArrayList<>();
    for (Proposal p : b.proposals()) {
      if (p.rule() != Proposal.Rule.BALANCING) {
        if (!named.contains(p.id())) {
          continue;
        }
        nl.begroot.core.model.Amounts.Builder zero = nl.begroot.core.model.Amounts.builder(v.years().size());
        for (int y = 0; y < v.years().size(); y++) {
          zero.amount(y, 0);
        }
        p = new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), zero.build(),
            Proposal.Rule.ENTERED, false, List.of(), p.thirdParty(), p.group(), null, null);
      }
      kept.add(p);
    }
    return withoutDanglingNarratives(b.withVersion(fv).withProposals(kept).withTransfers(List.of()).withPrinted(null));
  }

  /**
   * The budget without the narratives that quote a figure it does not have (the frame lacks the
   * proposals a unit's narrative quotes); a narrative that quotes nothing missing stays.
   */
  static Budget withoutDanglingNarratives(Budget b) {
    var document = Pipeline.compute(b).document();
    java.util.Set<Narratives.Place> dangling = new java.util.HashSet<>();
    Narratives.of(document).check().stream().filter(f -> !f.warning()).forEach(f -> dangling.add(f.place()));
    if (dangling.isEmpty()) {
      return b;
    }
    List<Programme> programmes = new ArrayList<>();
    for (Programme p : b.programmes()) {
      List<Unit> units = p.units().stream()
          .map(u -> u.withTexts(dangling.contains(Narratives.Place.narrative(u)) ? null : u.narrative(),
              dangling.contains(Narratives.Place.developments(u)) ? null : u.developments(),
              dangling.contains(Narratives.Place.priorities(u)) ? null : u.priorities()))
          .toList();
      String intro = dangling.contains(Narratives.Place.intro(p)) ? null : p.intro();
      programmes.add(new Programme(p.id(), p.title(), intro, p.overheadView(), p.spread(), units, p.frameLasten(), p.frameBaten()));
    }
    List<Proposal> proposals = b.proposals().stream()
        .map(p -> dangling.contains(Narratives.Place.explanation(p))
            ? new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(), p.rule(),
                p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), null)
            : p)
        .toList();
    return b.withProgrammes(programmes).withProposals(proposals);
  }

  public List<StoredVersion> versions() {
    return store.versions();
  }

  /** One number for what a listing of {@code organisation}'s versions shows ({@link VersionStore#listingMark}); it changes with that listing. */
  public long versionsMark(String organisation) {
    return store.listingMark(organisation);
  }

  /**
   * What {@link nl.begroot.core.access.Access} needs to know of a version: the ONE place a stored
   * version becomes a {@link Scope} (the web's route checks, the pages' offers and every use case
   * below use it): its status in the cycle; whether it is a scenario (a copy or an import: a private
   * sandbox of the person who made it, its owner) and whether its owner shared it; the organisation it
   * belongs to (whose roles of the person count, decision 165).
   */
  public static Scope scope(StoredVersion v) {
    return Scope.version(v.slug(), v.status(), v.scenario(), v.scenario() ? v.owner() : null, v.shared()).organisation(v.organisation());
  }

  /** The permission a step of a version's cycle asks ({@link nl.begroot.core.access.Access}). */
  public static Permission permission(nl.begroot.core.cycle.VersionMove move) {
    return CycleEdits.permission(move);
  }

  /** The permission a step of a proposal's cycle asks. */
  public static Permission permission(nl.begroot.core.cycle.ProposalMove move) {
    return CycleEdits.permission(move);
  }

  /** The versions {@code actor} may read (the list, the version switcher). */
  public List<StoredVersion> versions(Actor actor) {
    return store.versions().stream().filter(v -> Access.allows(actor, Permission.READ_VERSION, scope(v))).toList();
  }

  /** The versions of the organisation {@code organisation} that {@code actor} may read. */
  public List<StoredVersion> versions(Actor actor, String organisation) {
    return versions(actor).stream().filter(v -> v.organisation().equals(organisation)).toList();
  }

  /** A version's row (name, kind, stamp), without computing it; empty when there is none. */
  public Optional<StoredVersion> version(String slug) {
    return store.version(slug);
  }

  /** The latest changes to a version, newest first, at most {@code max}. */
  public List<nl.begroot.store.Change> changes(Snapshot s, int max) {
    return store.changes(s.version().id(), max);
  }

  /**
   * One page of a version's change log, newest first: at most {@code max} entries older than the
   * entry {@code beforeId} (from the newest when null); the next page is before the last one's id.
   */
  public List<nl.begroot.store.Change> changes(Snapshot s, Long beforeId, int max) {
    return store.changes(s.version().id(), beforeId, max);
  }

  /** The version as it is now, computed; empty when there is no such version. */
  public Optional<Snapshot> snapshot(String slug) {
    if (slug == null) {
      return Optional.empty();
    }
    return snapshot(slug, true);
  }

  private Optional<Snapshot> snapshot(String slug, boolean trust) {
    Snapshot known = cache.get(slug);
    Long readAt = stampReadAt.get(slug);
    // trusted only when read after this workspace's last write to the version (a read that
    // overlapped a write may have seen the old stamp)
    if (trust && known != null && readAt != null && System.nanoTime() - readAt < STAMP_TRUST_NANOS
        && readAt - writtenAt.getOrDefault(slug, readAt - 1) > 0) {
      return Optional.of(known);
    }
    long now = System.nanoTime();
    Optional<Long> stamp = store.stamp(slug);
    if (stamp.isEmpty()) {
      cache.remove(slug);
      return Optional.empty();
    }
    Snapshot cached = cache.get(slug);
    if (cached != null && cached.version().stamp() == stamp.get()) {
      stampReadAt.put(slug, now);
      return Optional.of(cached);
    }
    synchronized (locks.computeIfAbsent(slug, k -> new Object())) {
      cached = cache.get(slug);
      if (cached != null && cached.version().stamp() == stamp.get()) {
        return Optional.of(cached);
      }
      Optional<Snapshot> loaded = load(slug);
      loaded.ifPresent(s -> {
        cache.put(slug, s);
        stampReadAt.put(slug, now);
      });
      return loaded;
    }
  }

  /**
   * A version as one write sees it: the rows read inside the write's transaction ({@link
   * VersionStore#write}) and the budget they make. The budget is read from those rows; the snapshot
   * this workspace keeps is used instead only when its rows are exactly the rows read (same version
   * row, same proposal rows with their revisions), so that reading the same text twice is skipped but
   * no write is ever based on a copy older than its transaction.
   */
  record State(StoredVersion version, List<StoredProposal> rows, Budget budget) {
    Optional<StoredProposal> row(String proposalId) {
      return rows.stream().filter(r -> r.proposalId().equals(proposalId)).findFirst();
    }
  }

  State state(VersionStore.Write w) {
    return state(w.version(), w.proposals());
  }

  /** The same for rows another store read inside its own write's transaction (the annual accounts' reserves). */
  State state(StoredVersion version, List<StoredProposal> proposals) {
    Snapshot known = cache.get(version.slug());
    if (known != null && known.version().equals(version) && known.rows().equals(proposals)) {
      return new State(version, proposals, known.budget());
    }
    Optional<Budget> changed = readChanged(version.slug(), version, proposals); // rows written since the snapshot was read
    if (changed.isPresent()) {
      return new State(version, proposals, changed.get());
    }
    LoadResult result = BudgetCodec.readRows("versie " + version.slug(), version.baseYaml(), proposals);
    if (result instanceof LoadResult.Rejected r) {
      throw new StoreException("the stored version '" + version.slug() + "' does not read: " + r.problems().get(0), null);
    }
    return new State(version, proposals, ((LoadResult.Loaded) result).budget());
  }

  /**
   * Runs one write on a version ({@link VersionStore#write}: its rows read, checked and changed in one
   * transaction with the version locked). Writes through this workspace to one version wait for each
   * other here, so that at most one of them at a time waits for the database's lock (which another
   * server may hold); afterwards this workspace forgets the version's stamp, so its next read sees
   * the write.
   */
  <R> Optional<R> write(String slug, Actor actor, java.util.function.Function<VersionStore.Write, R> work) {
    return writeAny(slug, actor, w -> {
      refuseFinal(w.version());
      return work.apply(w);
    });
  }

  /**
   * Refuses an edit of a version whose content may not change: an adopted one (final; the database refuses
   * it too, migration V6_1) and a submitted official one (take it back first).
   */
  static void refuseFinal(StoredVersion v) {
    if (v.status().adopted()) {
      throw new VersionFinal("Versie '" + v.slug() + "' is vastgesteld en verandert niet meer; wijzig haar via een begrotingswijziging.",
          "Version '" + v.slug() + "' is adopted and no longer changes; change it through a budget amendment.");
    }
    if (v.status() == nl.begroot.core.cycle.VersionStatus.INGEDIEND && !v.scenario()) {
      throw new VersionFinal("Versie '" + v.slug() + "' is ingediend; haal haar eerst terug naar concept.",
          "Version '" + v.slug() + "' has been submitted; take it back to concept first.");
    }
  }

  /** {@link #write} without the check that the version may change: for the cycle's own steps. */
  <R> Optional<R> writeAny(String slug, Actor actor, java.util.function.Function<VersionStore.Write, R> work) {
    try {
      synchronized (writeLocks.computeIfAbsent(slug, k -> new Object())) {
        return store.write(slug, actor(actor), work);
      }
    } finally {
      written(slug);
    }
  }

  /**
   * The version as it is now in the database (its stamp read now, not trusted from an earlier read):
   * for what is made from a version (a copy, an import of proposals), which must not be older than
   * the request.
   */
  Optional<Snapshot> current(String slug) {
    return slug == null ? Optional.empty() : snapshot(slug, false);
  }

  private Optional<Snapshot> load(String slug) {
    for (int attempt = 0; ; attempt++) {
      Optional<StoredVersion> v;
      List<StoredProposal> rows;
      if (attempt < 5) {
        v = store.version(slug);
        if (v.isEmpty()) {
          return Optional.empty();
        }
        rows = store.proposals(v.get().id());
        if (!store.stamp(slug).equals(Optional.of(v.get().stamp()))) {
          continue; // written to while we read: read again
        }
      } else {
        // written to between every try (many writers at once): read the two under the version's row lock, between writes
        Optional<VersionStore.VersionRows> locked = store.versionRowsLocked(slug);
        if (locked.isEmpty()) {
          return Optional.empty();
        }
        v = Optional.of(locked.get().version());
        rows = locked.get().rows();
      }
      Budget read = readChanged(slug, v.get(), rows).orElse(null);
      if (read == null) {
        LoadResult result = BudgetCodec.readRows("versie " + slug, v.get().baseYaml(), rows);
        if (result instanceof LoadResult.Rejected r) {
          throw new StoreException("the stored version '" + slug + "' does not read: " + r.problems().get(0), null);
        }
        read = ((LoadResult.Loaded) result).budget();
      }
      Budget budget = read;
      StoredVersion version = v.get();
      return Optional.of(new Snapshot(version, rows, Pipeline.compute(budget),
          () -> PublishedState.of(store, version, rows, budget)));
    }
  }

  /**
   * The budget of a version's rows read from the snapshot this workspace keeps of it, when they differ from its rows in a
   * few proposals' texts or rows added (a write through this workspace, or another's): those read one by one into its
   * budget ({@link BudgetCodec#readChanged}), then checked as reading the whole file checks it ({@link EditCheck#sound}).
   * Empty when the rows differ otherwise or the budget would not pass: the caller reads every row (decision 240).
   */
  private Optional<Budget> readChanged(String slug, StoredVersion version, List<StoredProposal> rows) {
    Snapshot known = cache.get(slug);
    if (known == null || known.version().id() != version.id()) {
      return Optional.empty();
    }
    Optional<BudgetCodec.Changed> changed = BudgetCodec.readChanged("versie " + slug, version.baseYaml(), rows, known.version().baseYaml(),
        known.rows(), known.budget());
    if (changed.isEmpty() || !EditCheck.sound(changed.get().budget(), changed.get().edit())) {
      return Optional.empty();
    }
    READ_CHANGED.incrementAndGet();
    return Optional.of(changed.get().budget());
  }

  /** How many times a version was read back from the snapshot kept of it ({@link #readChanged}): for tests that it was. */
  static final java.util.concurrent.atomic.AtomicLong READ_CHANGED = new java.util.concurrent.atomic.AtomicLong();

  /** The snapshot of a version state: computed by the core's one pipeline (once per budget state). */
  static Snapshot compute(StoredVersion version, List<StoredProposal> rows, Budget budget) {
    return new Snapshot(version, rows, Pipeline.compute(budget));
  }

  Optional<StoredVersion> create(String organisation, String slug, String name, String kind, Long basedOn, Budget budget, String actor,
      String action) {
    BudgetCodec.Parts parts = BudgetCodec.split(budget);
    List<NewProposal> proposals = new ArrayList<>();
    for (int i = 0; i < budget.proposals().size(); i++) {
      Proposal p = budget.proposals().get(i);
      proposals.add(new NewProposal(p.id(), p.unit(), p.title(), parts.proposals().get(i), false));
    }
    return store.create(organisation, slug, name, kind, basedOn, parts.base(), proposals, actor, action);
  }

  // ---------------------------------------------------------------- proposals

  /** The effect of an edit before it is saved: the comparison of now with the edited budget. */
  public sealed interface Preview {
    /** The edit as it would be saved, and its effect. */
    record Impact(Proposal proposal, Comparison comparison, Snapshot after) implements Preview {}

    /** The edit has problems; nothing to show. */
    record Invalid(List<FieldError> errors) implements Preview {}

    /** No such version or proposal. */
    record NotFound(String what) implements Preview {}
  }

  /** Previews creating ({@code proposalId} null) or changing a proposal. */
  public Preview preview(String slug, String proposalId, ProposalDraft draft) {
    return proposalEdits.preview(slug, proposalId, draft);
  }

  /** The budget under another version id and title (a scenario, a version read from a workbook). */
  static Budget renamed(Budget b, String id, String title) {
    Version v = b.version();
    return b.withVersion(new Version(id, title, v.phase(), v.budgetYear(), v.years(), v.frameTitle(), v.proposalsTitle(), v.newFrameTitle()));
  }

  /** Creates a proposal. */
  public EditResult createProposal(String slug, ProposalDraft draft, Actor actor) {
    return proposalEdits.createProposal(slug, draft, actor);
  }

  /** Changes a proposal that was read at {@code expectedRevision}. */
  public EditResult changeProposal(String slug, String proposalId, int expectedRevision, ProposalDraft draft, Actor actor) {
    return proposalEdits.changeProposal(slug, proposalId, expectedRevision, draft, actor);
  }

  /** Withdraws a proposal (or reinstates it): it stays stored, but leaves the budget. */
  public EditResult setWithdrawn(String slug, String proposalId, int expectedRevision, boolean withdrawn, Actor actor) {
    return proposalEdits.setWithdrawn(slug, proposalId, expectedRevision, withdrawn, actor);
  }

  // ---------------------------------------------------------------- the cycle

  /**
   * Moves a version one step of the cycle (submit, take back, adopt, publish); adopting needs the
   * decision's date (yyyy-mm-dd), body and reference, the other steps ignore them. Refused with {@link
   * nl.begroot.core.access.Access.Denied} when the actor may not.
   */
  public EditResult moveVersion(String slug, nl.begroot.core.cycle.VersionMove move, String date, String body, String reference,
      Actor actor) {
    return cycleEdits.move(slug, move, date, body, reference, actor);
  }

  /** Moves a proposal one step (submit, approve, reject); a rejection needs a reason. */
  public EditResult moveProposal(String slug, String proposalId, nl.begroot.core.cycle.ProposalMove move, String reason, Actor actor) {
    return cycleEdits.moveProposal(slug, proposalId, move, reason, actor);
  }

  /** Shares a scenario (or stops sharing it). */
  public EditResult share(String slug, boolean shared, Actor actor) {
    return cycleEdits.share(slug, shared, actor);
  }

  /** Starts the next begrotingswijziging of the adopted version {@code slug}; saved with the amendment's slug. */
  public EditResult createAmendment(String slug, Actor actor) {
    return cycleEdits.createAmendment(slug, actor);
  }

  /** Whether {@code actor} may start an amendment of {@code adopted} now: what {@link #createAmendment} would accept (the Cyclus page offers it then). */
  public boolean mayAmend(StoredVersion adopted, Actor actor) {
    return Access.allows(actor, Permission.CREATE_AMENDMENT, scope(adopted)) && cycleEdits.amendmentRefusal(adopted).isEmpty();
  }

  /** Why nothing more starts from {@code v}: a concept whose definitive budget has started (decision 202). */
  Optional<nl.begroot.core.cycle.Problem> superseded(StoredVersion v) {
    return cycleEdits.superseded(v);
  }

  /**
   * A begrotingswijziging: the amendment's row, the adopted version it amends, the version it starts from
   * (the adopted one or the amendment before it), its own proposals (lines it adds or changes), and its
   * effect ({@code effect}: from where it starts to the amendment; balancing item, each member, each line).
   */
  public record Amendment(StoredVersion amendment, StoredVersion adopted, StoredVersion basis, List<StoredProposal> own,
      Comparison effect) {}

  /** The amendment {@code slug}; empty when there is no such version or it is no amendment. */
  public Optional<Amendment> amendment(String slug) {
    return cycleEdits.amendment(slug);
  }

  /** The amendments of the version {@code slug} (adopted ones and the open one), by number. */
  public List<StoredVersion> amendments(String slug) {
    return store.version(slug).map(v -> store.amendments(v.id())).orElse(List.of());
  }

  /**
   * The budget na wijziging of the official version {@code slug}: the version with its adopted amendments
   * ({@code applied}, by number) laid over it; {@code readAs} is the version whose pages show that budget
   * (the last adopted amendment, which started from all before it; the version itself without one).
   */
  public record AfterAmendments(StoredVersion version, List<Integer> applied, List<String> midyears, String readAs, Budget budget,
      nl.begroot.core.figures.Document document) {}

  /** The budget na wijziging's version of {@code adopted} as the change started as {@code beforeId} found it (CycleEdits.basis). */
  StoredVersion changeBasis(StoredVersion adopted, long beforeId) {
    return cycleEdits.basis(adopted, beforeId);
  }

  /** Why no change (amendment, Tussenrapportage) of {@code adopted} may start now, if one is open. */
  Optional<nl.begroot.core.cycle.Problem> openChange(StoredVersion adopted) {
    return cycleEdits.openChange(adopted);
  }

  /** Starts the definitive budget of the adopted concept {@code slug}; saved with the definitive budget's slug. */
  public EditResult createDefinitive(String slug, Actor actor) {
    return cycleEdits.createDefinitive(slug, actor);
  }

  /** A concept budget and the definitive budget that starts from it. */
  public record Definitive(StoredVersion concept, StoredVersion definitive) {}

  /** The definitive budget of the concept {@code slug}, or the concept of the definitive budget {@code slug}; empty when there is none. */
  public Optional<Definitive> definitive(String slug) {
    return cycleEdits.definitive(slug);
  }

  /**
   * Next year's frame from an adopted version: the frame with its check against the multi-year estimate, or
   * {@code refused} (in words) when the version is no adopted budget.
   */
  public record NextFrame(StoredVersion from, nl.begroot.core.cycle.NextYearFrame frame, nl.begroot.core.cycle.Problem refused) {}

  /** Next year's frame derived from the adopted version {@code slug}; empty when there is no such version. */
  public Optional<NextFrame> nextFrame(String slug) {
    return cycleEdits.nextFrame(slug);
  }

  /** The budget na wijziging of {@code slug}; empty for no such version, a scenario or an amendment. */
  public Optional<AfterAmendments> afterAmendments(String slug) {
    return cycleEdits.afterAmendments(slug);
  }

  // ---------------------------------------------------------------- keys

  /** Changes a distribution key's shares (percent per member, as typed) when the base is still at {@code expectedRevision}. */
  public EditResult changeKey(String slug, String keyId, Map<String, String> sharesText, int expectedRevision, Actor actor) {
    return keyEdits.changeKey(slug, keyId, sharesText, expectedRevision, actor);
  }

  /**
   * One row of the ledger mapping as a form or request sends it: the account, the cost centre (empty: any),
   * the unit, the side ({@code lasten}, {@code baten}), whose money ({@code own}, {@code pass-through},
   * {@code third-party}) and the third party (for third-party money), each as typed.
   */
  public record MappingRow(String account, String costCentre, String unit, String side, String money, String thirdParty) {
    /** Every field empty: an unused row of the form. */
    public boolean blank() {
      return java.util.stream.Stream.of(account, costCentre, unit, side, money, thirdParty).allMatch(f -> f == null || f.isBlank());
    }
  }

  /**
   * Replaces the ledger mapping of {@code slug} by {@code rows} (docs/actuals.md) when the version is still at
   * {@code expectedRevision}; checked by the core as a whole, written with the change log, or nothing.
   */
  public EditResult changeMapping(String slug, List<MappingRow> rows, int expectedRevision, Actor actor) {
    return mappingEdits.change(slug, rows, expectedRevision, actor);
  }

  // ---------------------------------------------------------------- versions

  /** Copies a version into a new scenario; the original is untouched. */
  public EditResult copy(String fromSlug, String name, Actor actor) {
    return versionEdits.copy(fromSlug, name, actor);
  }

  /**
   * Deletes a scenario (the shipped versions and versions others are based on stay); its change log
   * stays, with the deletion by {@code actor} as its last entry.
   */
  public EditResult delete(String slug, Actor actor) {
    return versionEdits.delete(slug, actor);
  }


  /**
   * The outcome of an import: the new version's slug, or every problem with its place; an imported
   * file may come with the reader's warnings (things worth a look that did not stop it).
   */
  public record ImportResult(String slug, List<Problem> problems, FieldError error, List<Problem> warnings) {
    public ImportResult {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }

    public ImportResult(String slug, List<Problem> problems, FieldError error) {
      this(slug, problems, error, List.of());
    }
  }

  /** Imports a whole budget file as a new version; a file with any problem changes nothing. */
  public ImportResult importFile(String name, String fileName, String text, Actor actor) {
    return versionEdits.importFile(null, name, fileName, text, actor);
  }

  /**
   * Imports a whole budget file as a new version of the organisation its file names when this installation
   * has it, else of {@code organisation} (the person's selected one; null: the first).
   */
  public ImportResult importFile(String organisation, String name, String fileName, String text, Actor actor) {
    return versionEdits.importFile(organisation, name, fileName, text, actor);
  }

  /**
   * Makes a new version from {@code fromSlug}'s base with {@code proposals} (e.g. read from an
   * Excel template) instead of its own; refused with every problem when the result is not valid.
   */
  public ImportResult importProposals(String fromSlug, String name, List<Proposal> proposals, Actor actor) {
    return versionEdits.importProposals(fromSlug, name, proposals, actor);
  }

  /** The version as a budget file (the core's format); withdrawn proposals are not part of it. */
  public Optional<String> export(String slug) {
    return versionEdits.export(slug);
  }

  /** Compares two versions; empty when either does not exist. */
  public Optional<Comparison> compare(String a, String b) {
    return versionEdits.compare(a, b);
  }

  static Optional<FieldError> checkName(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(new FieldError("name", "Geef de versie een naam.", "Give the version a name."));
    }
    if (name.strip().length() > MAX_NAME) {
      return Optional.of(new FieldError("name", "De naam is te lang (hoogstens " + MAX_NAME + " tekens).",
          "The name is too long (at most " + MAX_NAME + " characters)."));
    }
    if (slug(name).isEmpty()) {
      return Optional.of(new FieldError("name", "Gebruik in de naam ten minste één letter of cijfer.", "Use at least one letter or digit in the name."));
    }
    return Optional.empty();
  }

  /** A version's address from its name: lower case letters and digits with dashes. */
  static String slug(String name) {
    String s = java.text.Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
  }

  /** Who made a change, as the change log records it: the actor's account id (at most 100 characters, no control characters). */
  static String actor(Actor actor) {
    if (actor == null) {
      return "onbekend";
    }
    String a = actor.id().strip().replaceAll("\\p{Cntrl}", "");
    return a.length() > 100 ? a.substring(0, 100) : a;
  }

  /** The proposal's amounts as the edit form shows them. */
  public static Map<Integer, String> amountsText(Proposal p, List<Integer> years) {
    return Drafts.amountsAsText(p.amounts(), years);
  }
}
