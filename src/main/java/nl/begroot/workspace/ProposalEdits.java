package nl.begroot.workspace;

import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.LoadResult;
import nl.begroot.format.Problem;
import nl.begroot.store.NewProposal;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.VersionStore;

/** Creating, changing, withdrawing and reinstating a proposal, and the preview of an edit: each checked as a whole budget before it is stored. */
final class ProposalEdits {
  private final Workspace workspace;
  private final VersionStore store;

  ProposalEdits(Workspace workspace) {
    this.workspace = workspace;
    this.store = workspace.store();
  }

  /** Previews creating ({@code proposalId} null) or changing a proposal: a read, so the version as this workspace knows it. */
  Workspace.Preview preview(String slug, String proposalId, ProposalDraft draft) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty()) {
      return new Workspace.Preview.NotFound("versie " + slug);
    }
    Candidate c = candidate(new Workspace.State(s.get().version(), s.get().rows(), s.get().budget()), proposalId, draft,
        s.get().computed().computation());
    if (c.notFound() != null) {
      return new Workspace.Preview.NotFound(c.notFound());
    }
    if (!c.errors().isEmpty()) {
      return new Workspace.Preview.Invalid(c.errors());
    }
    Snapshot after = Workspace.compute(s.get().version(), s.get().rows(), c.budget());
    // compared by the computations: the state after is not shown, so its document is not built (decision 185)
    return new Workspace.Preview.Impact(c.proposal(), Comparison.of(s.get().computed().computation(), after.computed().computation()), after);
  }

  private record Candidate(Proposal proposal, Budget budget, List<FieldError> errors, String notFound) {}

  /** The budget with the draft applied to {@code state} (the version as it is), and the core's verdict on it. */
  private Candidate candidate(Workspace.State state, String proposalId, ProposalDraft draft) {
    return candidate(state, proposalId, draft, null);
  }

  /**
   * As above; {@code known}, when it is the computation of the state's budget, finds the edited proposal by
   * its index by id (made once per computation) instead of a search through every proposal.
   */
  private Candidate candidate(Workspace.State state, String proposalId, ProposalDraft draft, nl.begroot.core.engine.Computation known) {
    Budget budget = state.budget();
    Proposal existing = null;
    int at = -1;
    if (proposalId != null) {
      at = known != null && known.budget() == budget ? known.proposalIndex(proposalId) : indexOf(budget, proposalId);
      existing = at < 0 ? null : budget.proposals().get(at);
      if (existing == null) {
        boolean withdrawn = state.row(proposalId).map(StoredProposal::withdrawn).orElse(false);
        if (withdrawn) {
          return new Candidate(null, null, List.of(new FieldError("form", "Dit voorstel is ingetrokken; zet het eerst terug.",
              "This proposal is withdrawn; reinstate it first.")), null);
        }
        return new Candidate(null, null, List.of(), "voorstel " + proposalId);
      }
    }
    if (existing == null && draft.id() != null && state.row(Drafts.trim(draft.id())).map(StoredProposal::withdrawn).orElse(false)) {
      // a withdrawn proposal is not part of the budget, so the core cannot see its id; the store can
      return new Candidate(null, null, List.of(new FieldError("id", "Er is al een (ingetrokken) voorstel met code " + Drafts.trim(draft.id()) + ".",
          "There already is a (withdrawn) proposal with id " + Drafts.trim(draft.id()) + ".")), null);
    }
    Drafts.Checked checked = Drafts.check(draft, existing, budget);
    if (checked.proposal() == null) {
      return new Candidate(null, null, checked.errors(), null);
    }
    List<Proposal> proposals = new ArrayList<>(budget.proposals());
    int index;
    if (existing == null) {
      index = proposals.size();
      proposals.add(checked.proposal());
    } else {
      index = at;
      proposals.set(index, checked.proposal());
    }
    Budget candidate = budget.withProposals(proposals);
    // computed from the state before by the edit's delta (the preview, and the save's check, whose state the page after it shows)
    Pipeline.Edit edit = new Pipeline.Edit(budget, existing == null ? Pipeline.Edit.Kind.ADDED : Pipeline.Edit.Kind.CHANGED, index);
    return new Candidate(checked.proposal(), candidate, EditCheck.proposal(candidate, index, checked.errors(), edit), null);
  }

  /** The position of the first proposal with this id, or -1 (as {@link Budget#proposal} finds it). */
  private static int indexOf(Budget budget, String proposalId) {
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      if (proposals.get(i).hasId(proposalId)) {
        return i;
      }
    }
    return -1;
  }

  /** Creates a proposal: read, checked and written in one transaction. */
  EditResult createProposal(String slug, ProposalDraft draft, Actor actor) {
    Optional<EditResult> r;
    try {
      r = workspace.write(slug, actor, w -> {
        Access.require(actor, Permission.EDIT_PROPOSAL, Workspace.scope(w.version()).unit(Drafts.trim(draft.unit()), actor.id()));
        Candidate c = candidate(workspace.state(w), null, draft);
        if (!c.errors().isEmpty()) {
          return new EditResult.Invalid(c.errors());
        }
        Proposal p = c.proposal();
        Access.require(actor, Permission.EDIT_PROPOSAL, Workspace.scope(w.version()).unit(p.unit(), actor.id()));
        if (!w.add(new NewProposal(p.id(), p.unit(), p.title(), BudgetCodec.proposal(c.budget(), p), false), "proposal.create")) {
          return taken(p.id());
        }
        return new EditResult.Saved(p.id());
      });
    } catch (VersionStore.Taken e) {
      r = Optional.of(taken(Drafts.trim(draft.id())));
    }
    return r.orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  private static EditResult taken(String id) {
    return new EditResult.Invalid(List.of(new FieldError("id", "Er is intussen al een voorstel met code " + id + ".",
        "Meanwhile a proposal with id " + id + " was created.")));
  }

  /**
   * Changes a proposal that was read at {@code expectedRevision}: in one transaction the proposal's
   * row is read, its revision checked, the fields the user sent applied to that row, the budget
   * validated and the row written.
   */
  EditResult changeProposal(String slug, String proposalId, int expectedRevision, ProposalDraft draft, Actor actor) {
    return workspace.write(slug, actor, w -> {
      Optional<StoredProposal> row = w.proposal(proposalId);
      if (row.isEmpty()) {
        return (EditResult) new EditResult.NotFound("voorstel " + proposalId);
      }
      Access.require(actor, Permission.EDIT_PROPOSAL, Workspace.scope(w.version()).unit(row.get().unitId(), row.get().createdBy()));
      Candidate c = candidate(workspace.state(w), proposalId, draft);
      if (c.notFound() != null) {
        return new EditResult.NotFound(c.notFound());
      }
      if (!c.errors().isEmpty()) {
        return new EditResult.Invalid(c.errors());
      }
      Proposal p = c.proposal();
      // moved to another unit: the actor must hold that one too
      Access.require(actor, Permission.EDIT_PROPOSAL, Workspace.scope(w.version()).unit(p.unit(), row.get().createdBy()));
      NewProposal changed = new NewProposal(p.id(), p.unit(), p.title(), BudgetCodec.proposal(c.budget(), p), false);
      if (row.get().revision() != expectedRevision) {
        return conflict(row.get(), changed.bodyYaml());
      }
      w.replace(row.get(), changed, "proposal.change");
      return new EditResult.Saved(p.id());
    }).orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  private static EditResult conflict(StoredProposal now, String yours) {
    return new EditResult.Conflict(now.proposalId(), now.revision(), now.updatedBy(),
        now.bodyYaml() + (now.withdrawn() ? "(ingetrokken)\n" : ""), yours);
  }

  /** Withdraws a proposal (or reinstates it): it stays stored, but leaves the budget. One transaction, as a change. */
  EditResult setWithdrawn(String slug, String proposalId, int expectedRevision, boolean withdrawn, Actor actor) {
    return workspace.write(slug, actor, w -> withdraw(w, proposalId, expectedRevision, withdrawn, actor))
        .orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  private EditResult withdraw(VersionStore.Write w, String proposalId, int expectedRevision, boolean withdrawn, Actor actor) {
    Optional<StoredProposal> row = w.proposal(proposalId);
    if (row.isEmpty()) {
      return new EditResult.NotFound("voorstel " + proposalId);
    }
    Access.require(actor, Permission.EDIT_PROPOSAL, Workspace.scope(w.version()).unit(row.get().unitId(), row.get().createdBy()));
    StoredProposal r = row.get();
    NewProposal changed = new NewProposal(r.proposalId(), r.unitId(), r.title(), r.bodyYaml(), withdrawn);
    if (r.revision() != expectedRevision) {
      return r.withdrawn() == withdrawn ? new EditResult.Saved(proposalId) : conflict(r, r.bodyYaml() + (withdrawn ? "(ingetrokken)\n" : ""));
    }
    if (r.withdrawn() == withdrawn) {
      return new EditResult.Saved(proposalId);
    }
    Workspace.State state = workspace.state(w);
    List<FieldError> errors;
    if (withdrawn) {
      Proposal p = state.budget().proposal(proposalId).orElseThrow();
      if (p.rule() != Proposal.Rule.ENTERED) {
        return new EditResult.Invalid(List.of(new FieldError("form", "Een berekende regel kan niet worden ingetrokken.",
            "A computed line cannot be withdrawn.")));
      }
      List<Proposal> without = new ArrayList<>(state.budget().proposals());
      int index = without.indexOf(p);
      without.remove(index);
      // the ids withdrawn after this one, in the order the version is read in (decision 89: a quote of it lapses)
      List<String> ids = new ArrayList<>(state.budget().withdrawn());
      List<String> rowsAfter = new ArrayList<>();
      for (StoredProposal x : w.proposals()) {
        if (x.withdrawn() || x.proposalId().equals(proposalId)) {
          rowsAfter.add(x.proposalId());
        }
      }
      ids.removeAll(rowsAfter);
      ids.addAll(rowsAfter);
      errors = EditCheck.budget(state.budget().withProposals(without).withWithdrawn(ids), "Intrekken kan niet: ", "Cannot withdraw: ",
          new Pipeline.Edit(state.budget(), Pipeline.Edit.Kind.WITHDRAWN, index));
    } else {
      // the withdrawn line's model comes from its stored text, read with the others in their order
      List<String> active = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (StoredProposal x : w.proposals()) {
        if (x.proposalId().equals(proposalId) || !x.withdrawn()) {
          active.add(x.bodyYaml());
        } else {
          others.add(x.proposalId());
        }
      }
      errors = new ArrayList<>();
      LoadResult check = BudgetCodec.read("versie " + w.version().slug(), w.version().baseYaml(), active, others);
      if (check instanceof LoadResult.Rejected rejected) {
        for (Problem p : rejected.problems()) {
          errors.add(new FieldError("form", "Terugzetten kan niet: " + p.message(), "Cannot reinstate: " + p.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    w.replace(r, changed, withdrawn ? "proposal.withdraw" : "proposal.reinstate");
    return new EditResult.Saved(proposalId);
  }
}
