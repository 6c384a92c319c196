package nl.begroot.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.core.model.Version;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.BudgetWriter;
import nl.begroot.format.LoadResult;
import nl.begroot.format.Problem;
import nl.begroot.store.Database;
import nl.begroot.store.NewProposal;
import nl.begroot.store.StoreException;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/** The use cases over stored versions (see the package documentation). Thread-safe. */
public final class Workspace {
  /** The shipped versions: the frame (Begroting 2026) and the Conceptbegroting 2027. */
  public static final String FRAME = "begroting-2026";
  public static final String CONCEPT = "conceptbegroting-2027";
  static final int MAX_NAME = 120;

  /**
   * How long a version's stamp, once read, is trusted before it is read again. Writes through this
   * workspace forget it at once (a user sees their own change on the next page); a write by another
   * server on the same PostgreSQL shows within this time.
   */
  static final long STAMP_TRUST_NANOS = 250_000_000L;

  private final VersionStore store;
  private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> stampReadAt = new ConcurrentHashMap<>();
  private final Map<String, Long> writtenAt = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public Workspace(Database database) {
    this.store = new VersionStore(database);
  }

  /** Forgets what this workspace knows of a version's stamp, after a write. */
  private void written(String slug) {
    writtenAt.put(slug, System.nanoTime());
    stampReadAt.remove(slug);
  }

  public VersionStore store() {
    return store;
  }

  /** On an empty database: stores the built-in budget as the frame and the concept. */
  public void seedIfEmpty(Budget builtIn, String actor) {
    if (!store.isEmpty()) {
      return;
    }
    Budget frame = frameOf(builtIn);
    StoredVersion f = create(FRAME, frame.version().title(), "frame", null, frame, actor, "version.seed").orElseThrow();
    create(CONCEPT, builtIn.version().title(), "concept", f.id(), builtIn, actor, "version.seed");
  }

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
          .map(u -> dangling.contains(Narratives.Place.narrative(u)) ? new Unit(u.id(), u.title(), null) : u)
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

  /** The version as it is now, computed; empty when there is no such version. */
  public Optional<Snapshot> snapshot(String slug) {
    if (slug == null) {
      return Optional.empty();
    }
    Snapshot known = cache.get(slug);
    Long readAt = stampReadAt.get(slug);
    // trusted only when read after this workspace's last write to the version (a read that
    // overlapped a write may have seen the old stamp)
    if (known != null && readAt != null && System.nanoTime() - readAt < STAMP_TRUST_NANOS
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

  private Optional<Snapshot> load(String slug) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<StoredVersion> v = store.version(slug);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      List<StoredProposal> rows = store.proposals(v.get().id());
      if (!store.stamp(slug).equals(Optional.of(v.get().stamp()))) {
        continue; // written to while we read: read again
      }
      List<String> active = rows.stream().filter(r -> !r.withdrawn()).map(StoredProposal::bodyYaml).toList();
      LoadResult result = BudgetCodec.read("versie " + slug, v.get().baseYaml(), active);
      if (result instanceof LoadResult.Rejected r) {
        throw new StoreException("the stored version '" + slug + "' does not read: " + r.problems().get(0), null);
      }
      Budget budget = ((LoadResult.Loaded) result).budget();
      StoredVersion version = v.get();
      return Optional.of(new Snapshot(version, rows, Pipeline.compute(budget),
          () -> PublishedState.of(store, version, rows, budget)));
    }
    throw new StoreException("the version '" + slug + "' keeps changing while it is read", null);
  }

  /** The snapshot of a version state: computed by the core's one pipeline (once per budget state). */
  static Snapshot compute(StoredVersion version, List<StoredProposal> rows, Budget budget) {
    return new Snapshot(version, rows, Pipeline.compute(budget));
  }

  private Optional<StoredVersion> create(String slug, String name, String kind, Long basedOn, Budget budget, String actor, String action) {
    BudgetCodec.Parts parts = BudgetCodec.split(budget);
    List<NewProposal> proposals = new ArrayList<>();
    for (int i = 0; i < budget.proposals().size(); i++) {
      Proposal p = budget.proposals().get(i);
      proposals.add(new NewProposal(p.id(), p.unit(), p.title(), parts.proposals().get(i), false));
    }
    return store.create(slug, name, kind, basedOn, parts.base(), proposals, actor, action);
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
    Optional<Snapshot> s = snapshot(slug);
    if (s.isEmpty()) {
      return new Preview.NotFound("versie " + slug);
    }
    Candidate c = candidate(s.get(), proposalId, draft);
    if (c.notFound() != null) {
      return new Preview.NotFound(c.notFound());
    }
    if (!c.errors().isEmpty()) {
      return new Preview.Invalid(c.errors());
    }
    Snapshot after = compute(s.get().version(), s.get().rows(), c.budget());
    return new Preview.Impact(c.proposal(), Comparison.of(s.get().document(), after.document()), after);
  }

  private record Candidate(Proposal proposal, Budget budget, List<FieldError> errors, String notFound) {}

  private Candidate candidate(Snapshot s, String proposalId, ProposalDraft draft) {
    Proposal existing = null;
    if (proposalId != null) {
      existing = s.budget().proposal(proposalId).orElse(null);
      if (existing == null) {
        boolean withdrawn = s.row(proposalId).map(StoredProposal::withdrawn).orElse(false);
        if (withdrawn) {
          return new Candidate(null, null, List.of(new FieldError("form", "Dit voorstel is ingetrokken; zet het eerst terug.",
              "This proposal is withdrawn; reinstate it first.")), null);
        }
        return new Candidate(null, null, List.of(), "voorstel " + proposalId);
      }
    }
    if (existing == null && draft.id() != null && s.row(Drafts.trim(draft.id())).map(StoredProposal::withdrawn).orElse(false)) {
      return new Candidate(null, null, List.of(new FieldError("id", "Er is al een (ingetrokken) voorstel met code " + Drafts.trim(draft.id()) + ".",
          "There already is a (withdrawn) proposal with id " + Drafts.trim(draft.id()) + ".")), null);
    }
    Drafts.Checked checked = Drafts.check(draft, existing, s.budget());
    if (!checked.errors().isEmpty()) {
      return new Candidate(null, null, checked.errors(), null);
    }
    List<Proposal> proposals = new ArrayList<>(s.budget().proposals());
    if (existing == null) {
      proposals.add(checked.proposal());
    } else {
      proposals.set(proposals.indexOf(existing), checked.proposal());
    }
    Budget candidate = s.budget().withProposals(proposals);
    List<FieldError> problems = readBack(candidate);
    return new Candidate(checked.proposal(), candidate, problems, null);
  }

  /** Writes and reads a candidate budget: the core's reader is the last word on validity. */
  private static List<FieldError> readBack(Budget candidate) {
    LoadResult result = BudgetReader.read("voorstel", BudgetWriter.write(candidate));
    if (result instanceof LoadResult.Rejected r) {
      List<FieldError> errors = new ArrayList<>();
      for (Problem p : r.problems()) {
        errors.add(new FieldError("form", "De begroting klopt dan niet meer: " + p.message(), "The budget would no longer be valid: " + p.message()));
      }
      return errors;
    }
    return List.of();
  }

  /** The budget under another version id and title (a scenario, a version read from a workbook). */
  static Budget renamed(Budget b, String id, String title) {
    Version v = b.version();
    return b.withVersion(new Version(id, title, v.phase(), v.budgetYear(), v.years(), v.frameTitle(), v.proposalsTitle(), v.newFrameTitle()));
  }

  /** Creates a proposal. */
  public EditResult createProposal(String slug, ProposalDraft draft, String actor) {
    Optional<Snapshot> s = snapshot(slug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Candidate c = candidate(s.get(), null, draft);
    if (!c.errors().isEmpty()) {
      return new EditResult.Invalid(c.errors());
    }
    Proposal p = c.proposal();
    String body = BudgetCodec.proposal(c.budget(), p);
    boolean added = store.addProposal(s.get().version().id(), new NewProposal(p.id(), p.unit(), p.title(), body, false), actor(actor));
    written(slug);
    if (!added) {
      return new EditResult.Invalid(List.of(new FieldError("id", "Er is intussen al een voorstel met code " + p.id() + ".",
          "Meanwhile a proposal with id " + p.id() + " was created.")));
    }
    return new EditResult.Saved(p.id());
  }

  /** Changes a proposal that was read at {@code expectedRevision}. */
  public EditResult changeProposal(String slug, String proposalId, int expectedRevision, ProposalDraft draft, String actor) {
    Optional<Snapshot> s = snapshot(slug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Candidate c = candidate(s.get(), proposalId, draft);
    if (c.notFound() != null) {
      return new EditResult.NotFound(c.notFound());
    }
    if (!c.errors().isEmpty()) {
      return new EditResult.Invalid(c.errors());
    }
    Proposal p = c.proposal();
    String body = BudgetCodec.proposal(c.budget(), p);
    return write(s.get(), new NewProposal(p.id(), p.unit(), p.title(), body, false), expectedRevision, actor, "proposal.change");
  }

  /** Withdraws a proposal (or reinstates it): it stays stored, but leaves the budget. */
  public EditResult setWithdrawn(String slug, String proposalId, int expectedRevision, boolean withdrawn, String actor) {
    Optional<Snapshot> s = snapshot(slug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Optional<StoredProposal> row = s.get().row(proposalId);
    if (row.isEmpty()) {
      return new EditResult.NotFound("voorstel " + proposalId);
    }
    if (row.get().withdrawn() == withdrawn) {
      return new EditResult.Saved(proposalId);
    }
    List<String> active = new ArrayList<>();
    for (StoredProposal r : s.get().rows()) {
      boolean activeAfter = r.proposalId().equals(proposalId) ? !withdrawn : !r.withdrawn();
      if (activeAfter) {
        active.add(r.bodyYaml());
      }
    }
    if (withdrawn) {
      Proposal p = s.get().budget().proposal(proposalId).orElseThrow();
      if (p.rule() != Proposal.Rule.ENTERED) {
        return new EditResult.Invalid(List.of(new FieldError("form", "Een berekende regel kan niet worden ingetrokken.",
            "A computed line cannot be withdrawn.")));
      }
    }
    LoadResult check = BudgetCodec.read("versie " + slug, s.get().version().baseYaml(), active);
    if (check instanceof LoadResult.Rejected r) {
      List<FieldError> errors = new ArrayList<>();
      for (Problem p : r.problems()) {
        errors.add(new FieldError("form", (withdrawn ? "Intrekken kan niet: " : "Terugzetten kan niet: ") + p.message(),
            (withdrawn ? "Cannot withdraw: " : "Cannot reinstate: ") + p.message()));
      }
      return new EditResult.Invalid(errors);
    }
    StoredProposal r = row.get();
    return write(s.get(), new NewProposal(r.proposalId(), r.unitId(), r.title(), r.bodyYaml(), withdrawn), expectedRevision, actor,
        withdrawn ? "proposal.withdraw" : "proposal.reinstate");
  }

  private EditResult write(Snapshot s, NewProposal p, int expectedRevision, String actor, String action) {
    VersionStore.Write outcome = store.updateProposal(s.version().id(), p, expectedRevision, actor(actor), action);
    written(s.slug());
    return switch (outcome) {
      case DONE -> new EditResult.Saved(p.proposalId());
      case NOT_FOUND -> new EditResult.NotFound("voorstel " + p.proposalId());
      case CONFLICT -> {
        StoredProposal now = store.proposal(s.version().id(), p.proposalId()).orElseThrow();
        yield new EditResult.Conflict(p.proposalId(), now.revision(), now.updatedBy(),
            now.bodyYaml() + (now.withdrawn() ? "(ingetrokken)\n" : ""), p.bodyYaml());
      }
    };
  }

  // ---------------------------------------------------------------- keys

  /** Changes a distribution key's shares (percent per member, as typed) when the base is still at {@code expectedRevision}. */
  public EditResult changeKey(String slug, String keyId, Map<String, String> sharesText, int expectedRevision, String actor) {
    Optional<Snapshot> s = snapshot(slug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Budget b = s.get().budget();
    Optional<DistributionKey> key = b.key(keyId);
    if (key.isEmpty()) {
      return new EditResult.NotFound("verdeelsleutel " + keyId);
    }
    List<FieldError> errors = new ArrayList<>();
    for (String member : sharesText.keySet()) {
      if (b.member(member).isEmpty()) {
        errors.add(new FieldError("share." + member, "Lid '" + Drafts.shorten(member) + "' bestaat niet.", "Member '" + Drafts.shorten(member) + "' does not exist."));
      }
    }
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    for (Member m : b.members()) {
      String text = sharesText.get(m.id());
      if (text == null) {
        BigDecimal old = key.get().sharesPercent().get(m.id());
        if (old != null) {
          shares.put(m.id(), old);
        }
        continue;
      }
      Optional<BigDecimal> v = Drafts.parseShare(text);
      if (v.isEmpty()) {
        errors.add(new FieldError("share." + m.id(), m.name() + ": '" + Drafts.shorten(text) + "' is geen percentage tussen 0 en 100 (bijvoorbeeld 10,66).",
            m.name() + ": '" + Drafts.shorten(text) + "' is not a percentage between 0 and 100 (e.g. 10.66)."));
      } else {
        shares.put(m.id(), v.get());
      }
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    // A key is a split of 100 %: shares rounded for print may miss by a few hundredths (IPO's key
    // adds up to 100,02 %), more than half a percent is a typing error, not rounding.
    BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.5")) > 0) {
      String shown = nl.begroot.core.text.Dutch.percent(sum);
      return new EditResult.Invalid(List.of(new FieldError("shares", "De aandelen tellen op tot " + shown + ", niet tot 100%. Pas de aandelen aan zodat ze samen 100% zijn.",
          "The shares add up to " + shown + ", not 100%. Adjust them so that together they make 100%.")));
    }
    DistributionKey k = key.get();
    DistributionKey changed = new DistributionKey(k.id(), k.title(), shares, k.roundedForPrint(), k.normalise(), k.note());
    List<DistributionKey> keys = new ArrayList<>(b.keys());
    keys.set(keys.indexOf(k), changed);
    Budget candidate = b.withKeys(keys);
    List<FieldError> problems = readBack(candidate);
    if (!problems.isEmpty()) {
      return new EditResult.Invalid(problems);
    }
    String base = BudgetCodec.split(candidate).base();
    VersionStore.Write outcome = store.updateBase(s.get().version().id(), base, expectedRevision, actor(actor), "key.change", keyId);
    written(slug);
    return switch (outcome) {
      case DONE -> new EditResult.Saved(keyId);
      case NOT_FOUND -> new EditResult.NotFound("versie " + slug);
      case CONFLICT -> {
        StoredVersion now = store.version(slug).orElseThrow();
        yield new EditResult.Conflict(keyId, now.revision(), now.updatedBy(), keyText(snapshot(slug).orElseThrow().budget(), keyId), keyText(candidate, keyId));
      }
    };
  }

  private static String keyText(Budget b, String keyId) {
    StringBuilder sb = new StringBuilder();
    b.key(keyId).ifPresent(k -> k.sharesPercent().forEach((m, v) -> sb.append(b.member(m).map(Member::name).orElse(m)).append(": ")
        .append(nl.begroot.core.text.Dutch.percent(v)).append("\n")));
    return sb.toString();
  }

  // ---------------------------------------------------------------- versions

  /** Copies a version into a new scenario; the original is untouched. */
  public EditResult copy(String fromSlug, String name, String actor) {
    Optional<Snapshot> s = snapshot(fromSlug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + fromSlug);
    }
    Optional<FieldError> bad = checkName(name);
    if (bad.isPresent()) {
      return new EditResult.Invalid(List.of(bad.get()));
    }
    String slug = slug(name);
    List<NewProposal> proposals = s.get().rows().stream()
        .map(r -> new NewProposal(r.proposalId(), r.unitId(), r.title(), r.bodyYaml(), r.withdrawn())).toList();
    // the copy carries its own name, so that what it prints or exports is never taken for the original
    String base = BudgetCodec.split(renamed(s.get().budget(), slug, name.strip())).base();
    Optional<StoredVersion> created = store.create(slug, name.strip(), "scenario", s.get().version().id(),
        base, proposals, actor(actor), "version.copy");
    return created.<EditResult>map(v -> new EditResult.Saved(v.slug()))
        .orElseGet(() -> new EditResult.Invalid(List.of(new FieldError("name", "Er is al een versie met de naam '" + slug + "'.",
            "There already is a version named '" + slug + "'."))));
  }

  /** Deletes a scenario (the shipped versions and versions others are based on stay). */
  public EditResult delete(String slug) {
    Optional<StoredVersion> v = store.version(slug);
    if (v.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    if (!"scenario".equals(v.get().kind()) && !"import".equals(v.get().kind())) {
      return new EditResult.Invalid(List.of(new FieldError("form", "Alleen scenario's en ingelezen versies kunnen worden verwijderd.",
          "Only scenarios and imported versions can be deleted.")));
    }
    if (!store.delete(v.get().id())) {
      return new EditResult.Invalid(List.of(new FieldError("form", "Andere versies zijn op deze versie gebaseerd; verwijder die eerst.",
          "Other versions are based on this version; delete those first.")));
    }
    cache.remove(slug);
    written(slug);
    return new EditResult.Saved(slug);
  }

  /** The outcome of an import: the new version's slug, or every problem with its place. */
  public record ImportResult(String slug, List<Problem> problems, FieldError error) {}

  /** Imports a whole budget file as a new version; a file with any problem changes nothing. */
  public ImportResult importFile(String name, String fileName, String text, String actor) {
    Optional<FieldError> bad = checkName(name);
    if (bad.isPresent()) {
      return new ImportResult(null, List.of(), bad.get());
    }
    LoadResult result = BudgetReader.read(fileName == null || fileName.isBlank() ? "upload" : fileName, text);
    if (result instanceof LoadResult.Rejected r) {
      return new ImportResult(null, r.problems(), null);
    }
    Budget budget = ((LoadResult.Loaded) result).budget();
    String slug = slug(name);
    Optional<StoredVersion> created = create(slug, name.strip(), "import", null, budget, actor(actor), "version.import");
    if (created.isEmpty()) {
      return new ImportResult(null, List.of(), new FieldError("name", "Er is al een versie met de naam '" + slug + "'.",
          "There already is a version named '" + slug + "'."));
    }
    return new ImportResult(slug, List.of(), null);
  }

  /**
   * Makes a new version from {@code fromSlug}'s base with {@code proposals} (e.g. read from an
   * Excel template) instead of its own; refused with every problem when the result is not valid.
   */
  public ImportResult importProposals(String fromSlug, String name, List<Proposal> proposals, String actor) {
    Optional<FieldError> bad = checkName(name);
    if (bad.isPresent()) {
      return new ImportResult(null, List.of(), bad.get());
    }
    Optional<Snapshot> s = snapshot(fromSlug);
    if (s.isEmpty()) {
      return new ImportResult(null, List.of(), new FieldError("from", "Versie '" + fromSlug + "' bestaat niet.", "Version '" + fromSlug + "' does not exist."));
    }
    Budget candidate = renamed(s.get().budget(), slug(name), name.strip()).withProposals(proposals);
    LoadResult check = BudgetReader.read("werkmap", BudgetWriter.write(candidate));
    if (check instanceof LoadResult.Rejected r) {
      return new ImportResult(null, r.problems(), null);
    }
    Optional<StoredVersion> created = create(slug(name), name.strip(), "import", s.get().version().id(),
        ((LoadResult.Loaded) check).budget(), actor(actor), "version.import-proposals");
    if (created.isEmpty()) {
      return new ImportResult(null, List.of(), new FieldError("name", "Er is al een versie met de naam '" + slug(name) + "'.",
          "There already is a version named '" + slug(name) + "'."));
    }
    return new ImportResult(created.get().slug(), List.of(), null);
  }

  /** The version as a budget file (the core's format); withdrawn proposals are not part of it. */
  public Optional<String> export(String slug) {
    return snapshot(slug).map(s -> BudgetWriter.write(s.budget()));
  }

  /** Compares two versions; empty when either does not exist. */
  public Optional<Comparison> compare(String a, String b) {
    Optional<Snapshot> sa = snapshot(a);
    Optional<Snapshot> sb = snapshot(b);
    if (sa.isEmpty() || sb.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Comparison.of(sa.get().document(), sb.get().document()));
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

  /** Who made a change; until sign-in exists, what the user says (or "onbekend"). */
  static String actor(String actor) {
    if (actor == null || actor.isBlank()) {
      return "onbekend";
    }
    String a = actor.strip().replaceAll("\\p{Cntrl}", "");
    return a.length() > 100 ? a.substring(0, 100) : a;
  }

  /** The proposal's amounts as the edit form shows them. */
  public static Map<Integer, String> amountsText(Proposal p, List<Integer> years) {
    return Drafts.amountsAsText(p.amounts(), years);
  }
}
