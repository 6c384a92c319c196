package nl.begroot.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Scope;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.cycle.Adoption;
import nl.begroot.core.cycle.Problem;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.ProposalStatus;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.core.model.Budget;
import nl.begroot.format.LoadResult;
import nl.begroot.store.StoreException;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/**
 * The cycle's decisions (docs/cycle.md): a version's steps (submit, take back, adopt, publish), a
 * proposal's (submit, approve, reject), sharing a scenario, and the begrotingswijziging (amendment) with
 * the budget "na wijziging". Each step asks {@link Access#require} with the version as it is in the
 * write's transaction (locked), and is logged in that transaction.
 */
final class CycleEdits {
  private final Workspace workspace;
  private final VersionStore store;

  CycleEdits(Workspace workspace) {
    this.workspace = workspace;
    this.store = workspace.store();
  }

  static Permission permission(VersionMove move) {
    return switch (move) {
      case SUBMIT, TAKE_BACK -> Permission.SUBMIT_VERSION;
      case ADOPT -> Permission.ADOPT_VERSION;
      case PUBLISH -> Permission.PUBLISH_VERSION;
    };
  }

  static Permission permission(ProposalMove move) {
    return move == ProposalMove.SUBMIT ? Permission.SUBMIT_PROPOSAL : Permission.APPROVE_PROPOSAL;
  }

  private static EditResult invalid(List<Problem> problems) {
    return new EditResult.Invalid(problems.stream().map(p -> new FieldError(p.field(), p.nl(), p.en())).toList());
  }

  /**
   * Moves a version one step. Submitting refuses while any active proposal is not approved (decision:
   * only approved proposals count in a submitted version, so a version is submitted only when all of
   * them are); adopting needs the decision's date, body and reference ({@code date}, {@code body},
   * {@code reference}; ignored for the other steps).
   */
  EditResult move(String slug, VersionMove move, String date, String body, String reference, Actor actor) {
    return workspace.writeAny(slug, actor, w -> {
      StoredVersion v = w.version();
      Access.require(actor, permission(move), Workspace.scope(v));
      Optional<Problem> wrongState = move.refusal(v.status());
      if (wrongState.isPresent()) {
        return invalid(List.of(wrongState.get()));
      }
      if (v.scenario()) {
        return invalid(List.of(new Problem("form", "Een scenario doorloopt de cyclus niet.", "A scenario does not go through the cycle.")));
      }
      if (v.midyear() && (move == VersionMove.SUBMIT || move == VersionMove.ADOPT)) {
        // a Tussenrapportage is submitted and adopted only with a forecast for every unit (docs/midyear.md);
        // forecasts change only while it is a concept, so what an adoption reads here stays
        List<Problem> missing = workspace.midyears().adoptionProblems(slug, actor);
        if (!missing.isEmpty()) {
          return invalid(missing);
        }
      }
      VersionStore.Adoption facts = null;
      if (move == VersionMove.SUBMIT) {
        List<String> open = w.proposals().stream().filter(r -> !r.withdrawn() && r.status() != ProposalStatus.GOEDGEKEURD)
            .map(r -> r.proposalId() + " (" + r.status().code() + ")").toList();
        if (!open.isEmpty()) {
          return invalid(List.of(new Problem("form",
              "Indienen kan pas als elk voorstel is goedgekeurd; nog niet goedgekeurd: " + String.join(", ", open) + ".",
              "A version can be submitted only when every proposal is approved; not approved yet: " + String.join(", ", open) + ".")));
        }
      }
      if (move == VersionMove.ADOPT) {
        Adoption.Checked checked = Adoption.check(date, body, reference, LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")));
        if (checked.adoption() == null) {
          return invalid(checked.problems());
        }
        Adoption a = checked.adoption();
        facts = new VersionStore.Adoption(a.on(), a.body(), a.reference(), Workspace.actor(actor));
      }
      w.status(move.to(), facts, move.action());
      return (EditResult) new EditResult.Saved(slug);
    }).orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  /** Moves a proposal one step; a rejection needs a reason. Nobody approves or rejects their own ({@link Access}). */
  EditResult moveProposal(String slug, String proposalId, ProposalMove move, String reason, Actor actor) {
    return workspace.writeAny(slug, actor, w -> {
      StoredVersion v = w.version();
      Optional<StoredProposal> row = w.proposal(proposalId);
      if (row.isEmpty()) {
        Access.require(actor, permission(move), Workspace.scope(v));
        return (EditResult) new EditResult.NotFound("voorstel " + proposalId);
      }
      StoredProposal r = row.get();
      Access.require(actor, permission(move), Workspace.scope(v).unit(r.unitId(), r.author()));
      if (r.withdrawn()) {
        return invalid(List.of(new Problem("form", "Dit voorstel is ingetrokken.", "This proposal is withdrawn.")));
      }
      List<Problem> problems = move.check(r.status(), reason);
      if (!problems.isEmpty()) {
        return invalid(problems);
      }
      String why = reason == null || reason.isBlank() ? null : reason.strip();
      w.review(r, move.to(), move == ProposalMove.SUBMIT ? null : Workspace.actor(actor), why, move.action());
      return new EditResult.Saved(proposalId);
    }).orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  /** Shares a scenario with the organisation's staff, or stops sharing it; only its author can. */
  EditResult share(String slug, boolean shared, Actor actor) {
    return workspace.writeAny(slug, actor, w -> {
      Access.require(actor, Permission.SHARE_SCENARIO, Workspace.scope(w.version()));
      if (w.version().shared() != shared) {
        w.share(shared, shared ? "scenario.share" : "scenario.unshare");
      }
      return (EditResult) new EditResult.Saved(slug);
    }).orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  // ------------------------------------------------------------------------------ amendments

  /** The adopted version an amendment amends, or the version itself. */
  private Optional<StoredVersion> adoptedOf(StoredVersion v) {
    return v.amendment() ? store.versions().stream().filter(x -> x.id() == v.basedOn()).findFirst() : Optional.of(v);
  }

  /**
   * Starts amendment number n (one more than the last) of the adopted version {@code slug}: a copy of
   * the budget na wijziging (the adopted version plus its adopted amendments), of kind amendment, in which
   * proposals are created and changed like in any version. One amendment is open at a time: the next
   * starts when the last is adopted, so that each starts from the budget as amended by all before it.
   */
  EditResult createAmendment(String slug, Actor actor) {
    Optional<StoredVersion> found = store.version(slug);
    if (found.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    StoredVersion adopted = found.get();
    Access.require(actor, Permission.CREATE_AMENDMENT, Workspace.scope(adopted));
    Optional<Problem> refused = amendmentRefusal(adopted);
    if (refused.isPresent()) {
      return invalid(List.of(refused.get()));
    }
    List<StoredVersion> amendments = store.amendments(adopted.id());
    int number = amendments.size() + 1;
    Snapshot basis = workspace.current(basis(adopted, Long.MAX_VALUE).slug())
        .orElseThrow(() -> new StoreException("the version '" + slug + "' was deleted meanwhile", null));
    String newSlug = Workspace.slug(adopted.slug() + "-wijziging-" + number);
    String name = adopted.name() + " – begrotingswijziging " + number;
    String base = BudgetCodec.base(Workspace.renamed(basis.budget(), newSlug, name), basis.rows());
    Optional<StoredVersion> created = store.createAmendment(adopted.id(), number, newSlug, name, base, basis.rows(),
        Workspace.actor(actor));
    workspace.written(newSlug);
    return created.<EditResult>map(v -> new EditResult.Saved(v.slug())).orElseGet(() -> invalid(List.of(new Problem("form",
        "Intussen is een andere begrotingswijziging begonnen; kijk opnieuw.", "Meanwhile another amendment was started; look again."))));
  }

  /**
   * Why no amendment of {@code adopted} may start now, if it may not: it is an amendment or a Tussenrapportage
   * itself, it is not adopted, its definitive budget has started ({@link #superseded}), or a change is open. The one
   * check the start and the Cyclus page's offer both ask (decision 202).
   */
  Optional<Problem> amendmentRefusal(StoredVersion adopted) {
    if (adopted.amendment() || adopted.midyear() || adopted.accounts() || adopted.scenario()) {
      return Optional.of(new Problem("form", "Een begrotingswijziging maakt u op de vastgestelde begroting zelf.",
          "An amendment is made on the adopted budget itself."));
    }
    if (!adopted.status().adopted()) {
      return Optional.of(new Problem("form", "Alleen een vastgestelde versie krijgt begrotingswijzigingen; wijzig deze versie zelf.",
          "Only an adopted version takes amendments; change this version itself."));
    }
    return superseded(adopted).or(() -> openChange(adopted));
  }

  /**
   * Why nothing more starts from {@code v} (no amendment, Tussenrapportage or Jaarrekening): it is a concept budget
   * whose definitive budget has started; the cycle goes on from the definitive budget (decision 202). Empty otherwise.
   */
  Optional<Problem> superseded(StoredVersion v) {
    if (!"concept".equals(v.kind())) {
      return Optional.empty();
    }
    return store.definitives(v.id()).stream().findFirst().map(d -> new Problem("form",
        v.name() + " heeft een definitieve begroting (" + d.name() + "); wijzigingen, de tussenrapportage en de jaarrekening beginnen daar.",
        v.name() + " has a definitive budget (" + d.name() + "); amendments, the mid-year report and the annual accounts start there."));
  }

  Optional<Workspace.Amendment> amendment(String slug) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().amendment()) {
      return Optional.empty();
    }
    StoredVersion a = s.get().version();
    StoredVersion adopted = adoptedOf(a).orElseThrow();
    StoredVersion basisRow = basis(adopted, a.id());
    Snapshot basis = workspace.snapshot(basisRow.slug()).orElseThrow();
    return Optional.of(new Workspace.Amendment(a, adopted, basisRow, own(basis.rows(), s.get().rows()),
        Comparison.of(basis.document(), s.get().document())));
  }

  /**
   * The changes of the adopted version {@code adopted} in the order they were started: its amendments and
   * its Tussenrapportage, whose proposals, once adopted, change the budget as an amendment's do (issue 11
   * section 3; decision 190). One change is open at a time ({@link #openChange}), so each starts from the
   * budget as changed by all before it and the adopted ones come first.
   */
  List<StoredVersion> changes(StoredVersion adopted) {
    List<StoredVersion> all = new ArrayList<>(store.amendments(adopted.id()));
    all.addAll(workspace.midyears().startedOn(adopted.id()));
    all.sort(java.util.Comparator.comparingLong(StoredVersion::id));
    return all;
  }

  /**
   * The version whose figures are the budget na wijziging of {@code adopted} as a change started as
   * version {@code beforeId} found it: the last adopted change started before it, else {@code adopted}
   * itself ({@code Long.MAX_VALUE}: as it is now).
   */
  StoredVersion basis(StoredVersion adopted, long beforeId) {
    StoredVersion basis = adopted;
    for (StoredVersion c : changes(adopted)) {
      if (c.id() >= beforeId || !c.status().adopted()) {
        break;
      }
      basis = c;
    }
    return basis;
  }

  /** Why no change of {@code adopted} may start now: one (an amendment or its Tussenrapportage) is still open. */
  Optional<Problem> openChange(StoredVersion adopted) {
    return changes(adopted).stream().filter(c -> !c.status().adopted()).findFirst().map(c -> c.amendment()
        ? new Problem("form", "Begrotingswijziging " + c.amendmentNo() + " is nog open (" + c.status().code() + "); stel die eerst vast.",
            "Amendment " + c.amendmentNo() + " is still open (" + c.status().code() + "); adopt it first.")
        : new Problem("form", c.name() + " is nog open (" + c.status().code() + "); stel die eerst vast.",
            c.name() + " is still open (" + c.status().code() + "); adopt it first."));
  }

  /** The rows of {@code after} that are new or differ (text or withdrawn) from the row with the same id in {@code before}. */
  static List<StoredProposal> own(List<StoredProposal> before, List<StoredProposal> after) {
    Map<String, StoredProposal> was = new HashMap<>();
    before.forEach(r -> was.put(r.proposalId(), r));
    List<StoredProposal> own = new ArrayList<>();
    for (StoredProposal r : after) {
      StoredProposal b = was.get(r.proposalId());
      if (b == null || !b.bodyYaml().equals(r.bodyYaml()) || b.withdrawn() != r.withdrawn()) {
        own.add(r);
      }
    }
    return own;
  }

  /**
   * The budget na wijziging of the adopted version {@code slug}: its rows, with the own proposals of each
   * adopted amendment laid over them in the order of their numbers (a changed line replaces the line of
   * the same id, a new one is added), and the base of the last adopted amendment (a key it changed).
   */
  Optional<Workspace.AfterAmendments> afterAmendments(String slug) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || s.get().version().amendment() || s.get().version().scenario() || s.get().version().midyear()) {
      return Optional.empty();
    }
    StoredVersion adopted = s.get().version();
    Map<String, StoredProposal> rows = new java.util.LinkedHashMap<>();
    s.get().rows().forEach(r -> rows.put(r.proposalId(), r));
    String base = adopted.baseYaml();
    List<Integer> applied = new ArrayList<>();
    List<String> midyears = new ArrayList<>();
    String readAs = adopted.slug();
    Snapshot before = s.get();
    for (StoredVersion a : changes(adopted)) {
      if (!a.status().adopted()) {
        break;
      }
      Snapshot amendment = workspace.snapshot(a.slug()).orElseThrow();
      for (StoredProposal r : own(before.rows(), amendment.rows())) {
        rows.put(r.proposalId(), r);
      }
      base = a.baseYaml();
      if (a.amendment()) {
        applied.add(a.amendmentNo());
      } else {
        midyears.add(a.name());
      }
      readAs = a.slug();
      before = amendment;
    }
    LoadResult result = BudgetCodec.readRows("na wijziging " + slug, base, List.copyOf(rows.values()));
    if (result instanceof LoadResult.Rejected r) {
      throw new StoreException("the budget na wijziging of '" + slug + "' does not read: " + r.problems().get(0), null);
    }
    Budget budget = ((LoadResult.Loaded) result).budget();
    return Optional.of(new Workspace.AfterAmendments(adopted, List.copyOf(applied), List.copyOf(midyears), readAs, budget,
        nl.begroot.core.pipeline.Pipeline.compute(budget).document()));
  }

  // ------------------------------------------------------------------------------ the definitive budget

  /**
   * Starts the definitive budget (definitieve begroting) of the adopted concept {@code slug}: a version of
   * kind definitive, based on the concept, that starts as its copy (the concept as amended by its adopted
   * amendments, if any): the same frame, proposals (each keeping its approval) and narrative, titled
   * "Begroting {year}", phase adopted, without the concept's printed document. Proposals are then added and
   * changed like in any version, and it is submitted and adopted like the concept. One per concept.
   */
  EditResult createDefinitive(String slug, Actor actor) {
    Optional<StoredVersion> found = store.version(slug);
    if (found.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    StoredVersion concept = found.get();
    Access.require(actor, Permission.CREATE_DEFINITIVE, Workspace.scope(concept));
    if (!"concept".equals(concept.kind())) {
      return invalid(List.of(new Problem("form", "Een definitieve begroting begint bij een vastgestelde conceptbegroting; dit is er geen.",
          "A definitive budget starts from an adopted concept budget; this is none.")));
    }
    if (!concept.status().adopted()) {
      return invalid(List.of(new Problem("form",
          "Stel de conceptbegroting eerst vast (nu: " + concept.status().code() + "); de definitieve begroting begint bij de vastgestelde.",
          "Adopt the concept budget first (now: " + concept.status().code() + "); the definitive budget starts from the adopted one.")));
    }
    Optional<StoredVersion> existing = store.definitives(concept.id()).stream().findFirst();
    if (existing.isPresent()) {
      return invalid(List.of(new Problem("form", "Deze conceptbegroting heeft al een definitieve begroting: " + existing.get().name() + ".",
          "This concept budget has a definitive budget already: " + existing.get().name() + ".")));
    }
    List<StoredVersion> amendments = store.amendments(concept.id()).stream().filter(a -> a.status().adopted()).toList();
    Snapshot basis = workspace.current(amendments.isEmpty() ? concept.slug() : amendments.get(amendments.size() - 1).slug())
        .orElseThrow(() -> new StoreException("the version '" + slug + "' was deleted meanwhile", null));
    nl.begroot.core.model.Version v = basis.budget().version();
    // "Conceptbegroting 2027 (illustratie)" becomes "Begroting 2027 (illustratie)": the concept's name without "Concept"
    String name = concept.name().startsWith("Conceptbegroting ") ? "Begroting " + concept.name().substring("Conceptbegroting ".length())
        : "Begroting " + v.budgetYear();
    String newSlug = Workspace.slug("definitieve-" + name);
    Budget definitive = basis.budget()
        .withVersion(new nl.begroot.core.model.Version(v.id() + "-definitief", name, nl.begroot.core.model.Version.Phase.ADOPTED,
            v.budgetYear(), v.years(), v.frameTitle(), v.proposalsTitle(), v.newFrameTitle()))
        .withPrinted(null);
    String base = BudgetCodec.base(definitive, basis.rows());
    Optional<StoredVersion> created = store.createDefinitive(concept.id(), newSlug, name, base, basis.rows(), Workspace.actor(actor));
    workspace.written(newSlug);
    return created.<EditResult>map(d -> new EditResult.Saved(d.slug())).orElseGet(() -> invalid(List.of(new Problem("form",
        "Intussen is de definitieve begroting al begonnen, of de naam '" + newSlug + "' is bezet; kijk opnieuw.",
        "Meanwhile the definitive budget was started, or the name '" + newSlug + "' is taken; look again."))));
  }

  /** The definitive budget of the concept {@code slug}, or the concept of the definitive budget {@code slug}. */
  Optional<Workspace.Definitive> definitive(String slug) {
    Optional<StoredVersion> found = store.version(slug);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredVersion v = found.get();
    StoredVersion concept;
    StoredVersion definitive;
    if (v.definitive()) {
      definitive = v;
      concept = store.versions().stream().filter(x -> x.id() == v.basedOn()).findFirst().orElse(null);
    } else {
      concept = v;
      definitive = store.definitives(v.id()).stream().findFirst().orElse(null);
    }
    if (concept == null || definitive == null) {
      return Optional.empty();
    }
    return Optional.of(new Workspace.Definitive(concept, definitive));
  }

  // ------------------------------------------------------------------------------ next year's frame

  /**
   * Next year's frame derived from the adopted version {@code slug} (as amended by its adopted amendments),
   * checked against its multi-year estimate ({@link nl.begroot.core.cycle.NextYearFrame}).
   *
   * @return empty when there is no such version; a refusal in words when it is not adopted, a scenario or an amendment
   */
  Optional<Workspace.NextFrame> nextFrame(String slug) {
    Optional<StoredVersion> found = store.version(slug);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredVersion v = found.get();
    if (v.scenario() || v.amendment() || !v.status().adopted()) {
      return Optional.of(new Workspace.NextFrame(v, null, new Problem("form",
          "Het kader van volgend jaar volgt uit een vastgestelde begroting; " + v.name() + " is "
              + (v.scenario() ? "een scenario" : v.amendment() ? "een begrotingswijziging (neem de vastgestelde begroting zelf)"
                  : "niet vastgesteld (" + v.status().code() + ")") + ".",
          "Next year's frame follows from an adopted budget; " + v.name() + " is "
              + (v.scenario() ? "a scenario" : v.amendment() ? "an amendment (take the adopted budget itself)"
                  : "not adopted (" + v.status().code() + ")") + ".")));
    }
    Workspace.AfterAmendments after = afterAmendments(slug).orElseThrow();
    return Optional.of(new Workspace.NextFrame(v,
        nl.begroot.core.cycle.NextYearFrame.derive(nl.begroot.core.pipeline.Pipeline.compute(after.budget()).computation()), null));
  }
}
