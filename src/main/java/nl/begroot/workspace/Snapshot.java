package nl.begroot.workspace;

import java.util.List;
import java.util.Optional;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.audit.SincePublication;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.figures.Document;
import nl.begroot.core.model.Budget;
import nl.begroot.core.pipeline.Computed;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;

/**
 * One version as read at one stamp: its row, its proposals' rows (withdrawn ones included), the
 * budget (without withdrawn proposals), the computed document and its printed figures. Immutable;
 * shared between requests until the version changes.
 */
public final class Snapshot {
  private final StoredVersion version;
  private final List<StoredProposal> rows;
  private final Computed computed;
  private final java.util.function.Supplier<SincePublication> sincePublication;
  private volatile List<Finding> audit;
  private volatile java.util.Map<String, nl.begroot.core.model.Proposal> withdrawnProposals;
  private volatile java.util.Map<String, List<nl.begroot.core.figures.Narratives.Place>> quotedBy;

  Snapshot(StoredVersion version, List<StoredProposal> rows, Computed computed) {
    this(version, rows, computed, () -> SincePublication.NONE);
  }

  /** With what happened since publication, read (from the change log) only when the audit is asked for. */
  Snapshot(StoredVersion version, List<StoredProposal> rows, Computed computed,
      java.util.function.Supplier<SincePublication> sincePublication) {
    this.sincePublication = sincePublication;
    this.version = version;
    this.rows = List.copyOf(rows);
    this.computed = computed;
  }

  /** The budget as computed by the core's one pipeline (shared with everyone who asks for this state). */
  public Computed computed() {
    return computed;
  }

  public StoredVersion version() {
    return version;
  }

  /**
   * The version's own date, which its publications print: the day it was adopted, else the day it
   * was made (for the seed, the day the database was seeded), in Amsterdam. Never the day of a
   * download, so the same version gives the same document.
   */
  public java.time.LocalDate date() {
    if (version.adoptedOn() != null) {
      return version.adoptedOn();
    }
    return version.createdAt() == null ? null : version.createdAt().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
  }

  public String slug() {
    return version.slug();
  }

  public List<StoredProposal> rows() {
    return rows;
  }

  public Optional<StoredProposal> row(String proposalId) {
    return rows.stream().filter(r -> r.proposalId().equals(proposalId)).findFirst();
  }

  /**
   * A proposal of this version, withdrawn ones included (read with the version's base, since a
   * withdrawn proposal is not part of the budget); empty when there is none.
   */
  public Optional<nl.begroot.core.model.Proposal> anyProposal(String proposalId) {
    int at = computed.computation().proposalIndex(proposalId); // by the computation's map by id: a list asks it of every proposal
    Optional<nl.begroot.core.model.Proposal> active = at < 0 ? Optional.empty() : Optional.of(budget().proposals().get(at));
    if (active.isPresent() || row(proposalId).map(r -> !r.withdrawn()).orElse(true)) {
      return active;
    }
    return Optional.ofNullable(withdrawnProposals().get(proposalId));
  }

  /**
   * The withdrawn proposals, read once per snapshot: each with the base and the active ones, in the
   * stored order, so that right after a withdraw the budget read is the state before it, which the
   * pipeline has already computed (reading a file checks its printed document, which computes).
   */
  private java.util.Map<String, nl.begroot.core.model.Proposal> withdrawnProposals() {
    java.util.Map<String, nl.begroot.core.model.Proposal> w = withdrawnProposals;
    if (w == null) {
      java.util.Map<String, nl.begroot.core.model.Proposal> read = new java.util.HashMap<>();
      for (StoredProposal r : withdrawn()) { // each on its own: two withdrawn lines need not fit together
        List<String> bodies = rows.stream().filter(x -> !x.withdrawn() || x == r).map(StoredProposal::bodyYaml).toList();
        List<String> others = rows.stream().filter(x -> x.withdrawn() && x != r).map(StoredProposal::proposalId).toList();
        if (BudgetCodec.read("versie " + version.slug(), version.baseYaml(), bodies, others) instanceof nl.begroot.format.LoadResult.Loaded loaded) {
          loaded.budget().proposal(r.proposalId()).ifPresent(p -> read.put(p.id(), p));
        }
      }
      w = java.util.Map.copyOf(read);
      withdrawnProposals = w;
    }
    return w;
  }

  /**
   * The texts of this version that quote a proposal's figures ({@link nl.begroot.core.figures.Narratives#quoting}), from
   * one pass over its texts made on first use: a list of every proposal asks it of each.
   */
  public List<nl.begroot.core.figures.Narratives.Place> quoting(String proposalId) {
    java.util.Map<String, List<nl.begroot.core.figures.Narratives.Place>> q = quotedBy;
    if (q == null) {
      q = nl.begroot.core.figures.Narratives.quotedBy(budget());
      quotedBy = q;
    }
    return q.getOrDefault(proposalId, List.of());
  }

  public List<StoredProposal> withdrawn() {
    return rows.stream().filter(StoredProposal::withdrawn).toList();
  }

  public Budget budget() {
    return computed.budget();
  }

  public Document document() {
    return computed.document();
  }

  public PrintedFigures printed() {
    return computed.printed();
  }

  public Explainer explainer() {
    return computed.explainer();
  }

  /** The names of the figures in the document's words ("Tabel 1, Nieuw kader, Totaal lasten 2027"). */
  public nl.begroot.core.figures.FigureLabels labels() {
    return computed.labels();
  }

  /**
   * The audit of this version against its own arithmetic and its printed document, if any; what was
   * edited since that document was printed comes from the change log.
   */
  public List<Finding> audit() {
    List<Finding> a = audit;
    if (a == null) {
      a = List.copyOf(Auditor.audit(document(), printed(), sincePublication.get()));
      audit = a;
    }
    return a;
  }
}
