package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
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

  /** Previews creating ({@code proposalId} null) or changing a proposal. */
  Workspace.Preview preview(String slug, String proposalId, ProposalDraft draft) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty()) {
      return new Workspace.Preview.NotFound("versie " + slug);
    }
    Candidate c = candidate(s.get(), proposalId, draft);
    if (c.notFound() != null) {
      return new Workspace.Preview.NotFound(c.notFound());
    }
    if (!c.errors().isEmpty()) {
      return new Workspace.Preview.Invalid(c.errors());
    }
    Snapshot after = Workspace.compute(s.get().version(), s.get().rows(), c.budget());
    return new Workspace.Preview.Impact(c.proposal(), Comparison.of(s.get().document(), after.document()), after);
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
    List<FieldError> problems = Workspace.readBack(candidate);
    return new Candidate(checked.proposal(), candidate, problems, null);
  }

  /** Creates a proposal. */
  EditResult createProposal(String slug, ProposalDraft draft, String actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Candidate c = candidate(s.get(), null, draft);
    if (!c.errors().isEmpty()) {
      return new EditResult.Invalid(c.errors());
    }
    Proposal p = c.proposal();
    String body = BudgetCodec.proposal(c.budget(), p);
    boolean added = store.addProposal(s.get().version().id(), new NewProposal(p.id(), p.unit(), p.title(), body, false), Workspace.actor(actor));
    workspace.written(slug);
    if (!added) {
      return new EditResult.Invalid(List.of(new FieldError("id", "Er is intussen al een voorstel met code " + p.id() + ".",
          "Meanwhile a proposal with id " + p.id() + " was created.")));
    }
    return new EditResult.Saved(p.id());
  }

  /** Changes a proposal that was read at {@code expectedRevision}. */
  EditResult changeProposal(String slug, String proposalId, int expectedRevision, ProposalDraft draft, String actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
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
  EditResult setWithdrawn(String slug, String proposalId, int expectedRevision, boolean withdrawn, String actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
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
    VersionStore.Write outcome = store.updateProposal(s.version().id(), p, expectedRevision, Workspace.actor(actor), action);
    workspace.written(s.slug());
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
}
