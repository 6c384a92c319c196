package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.audit.SincePublication;
import nl.begroot.core.figures.Document;
import nl.begroot.core.model.Budget;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Change;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/**
 * What happened to a version since its document was printed, for the audit: the edits from the
 * change log (of the version, and for a scenario also those of the version it was copied from, up to
 * the copy) and the version as it was before the first of them, computed.
 *
 * <p>The state at publication is the version undone edit by edit: each proposal's text before its
 * first logged edit (a proposal the log says was added is left out; the first withdraw or reinstate
 * says whether it was in), and the base before its first logged change. When that does not read, the
 * audit gets the edits without the document at publication and judges by the inputs they name.
 */
final class PublishedState {
  private static final int LOG_LIMIT = 100_000;

  private PublishedState() {}

  static SincePublication of(VersionStore store, StoredVersion version, List<StoredProposal> rows, Budget now) {
    if (now.printed() == null || now.printed().tables().isEmpty()) {
      return SincePublication.NONE;
    }
    List<Change> log = log(store, version);
    List<SincePublication.Edit> edits = new ArrayList<>();
    Map<String, Change> first = new HashMap<>();
    Change firstBase = null;
    for (Change c : log) {
      if (c.action().startsWith("proposal.")) {
        first.putIfAbsent(c.target(), c);
      } else if (c.action().startsWith("key.")) {
        firstBase = firstBase == null ? c : firstBase;
      } else {
        continue;
      }
      edits.add(new SincePublication.Edit(c.target(), c.action(), c.actor(), c.at()));
    }
    if (edits.isEmpty()) {
      return SincePublication.NONE;
    }
    Map<String, Boolean> withdrawnThen = new HashMap<>();
    for (Change c : log) {
      if (c.action().equals("proposal.withdraw") || c.action().equals("proposal.reinstate")) {
        withdrawnThen.putIfAbsent(c.target(), c.action().equals("proposal.reinstate"));
      }
    }
    List<String> bodies = new ArrayList<>();
    List<String> withdrawnIds = new ArrayList<>();
    for (StoredProposal r : rows) {
      Change c = first.get(r.proposalId());
      if (c != null && c.action().equals("proposal.create")) {
        continue; // added since publication
      }
      boolean withdrawn = withdrawnThen.getOrDefault(r.proposalId(), r.withdrawn());
      if (withdrawn) {
        withdrawnIds.add(r.proposalId()); // a narrative quoting it then read as lapsed then
      } else {
        bodies.add(c != null && c.before() != null ? c.before() : r.bodyYaml());
      }
    }
    String base = firstBase != null && firstBase.before() != null ? firstBase.before() : version.baseYaml();
    try {
      if (BudgetCodec.read("versie " + version.slug() + " bij publicatie", base, bodies, withdrawnIds) instanceof LoadResult.Loaded loaded) {
        Document then = Pipeline.compute(loaded.budget()).document(); // the reader computed it: kept
        return new SincePublication(then, edits);
      }
    } catch (RuntimeException e) {
      // the state at publication does not compute: judge by the inputs the edits name
    }
    return new SincePublication(null, edits);
  }

  /** The change log that applies to a version, oldest first: its own, and for a copy its source's up to the copy. */
  private static List<Change> log(VersionStore store, StoredVersion version) {
    List<Change> all = new ArrayList<>(store.changes(version.id(), LOG_LIMIT));
    StoredVersion v = version;
    java.time.Instant until = null;
    for (int depth = 0; depth < 32 && "scenario".equals(v.kind()) && v.basedOn() != null; depth++) {
      java.time.Instant copiedAt = v.createdAt();
      until = until == null || copiedAt.isBefore(until) ? copiedAt : until;
      long source = v.basedOn();
      Optional<StoredVersion> from = store.versions().stream().filter(x -> x.id() == source).findFirst();
      if (from.isEmpty()) {
        break;
      }
      java.time.Instant cutoff = until;
      store.changes(source, LOG_LIMIT).stream().filter(c -> !c.at().isAfter(cutoff)).forEach(all::add);
      v = from.get();
    }
    all.sort(Comparator.comparing(Change::at).thenComparingLong(Change::id));
    return all;
  }
}
