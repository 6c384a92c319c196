package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compute → figures → rounding runs once per version state: the pipeline's counters, read before
 * and after each action. Every edit uses an amount drawn at random, so that no other test in this
 * process can have computed the same state before.
 */
class OneComputationTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.freshH2());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(IPO, nl.begroot.TestBudgets.SEED);
    page(); // the version as it is, computed once before each test
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** What a page load does: the version's snapshot and its printed figures. */
  private Snapshot page() {
    Snapshot s = workspace.snapshot(Workspace.CONCEPT).orElseThrow();
    s.printed();
    return s;
  }

  private record Count(long computations, long roundings) {
    static Count now() {
      return new Count(Pipeline.computations(), Pipeline.roundings());
    }

    Count since(Count before) {
      return new Count(computations - before.computations, roundings - before.roundings);
    }
  }

  /** Proposal 2.7-soc as the edit form shows it, with a new amount for 2027 that no test used before. */
  private ProposalDraft changed(Snapshot s) {
    Proposal p = s.budget().proposal("2.7-soc").orElseThrow();
    Map<Integer, String> amounts = new LinkedHashMap<>(Workspace.amountsText(p, s.budget().version().years()));
    amounts.put(2027, String.valueOf(600_000 + ThreadLocalRandom.current().nextInt(1, 400_000)));
    return new ProposalDraft(p.id(), p.unit(), p.title(), p.side().name().toLowerCase(Locale.ROOT),
        p.nature() == null ? null : p.nature().name().toLowerCase(Locale.ROOT), p.category(), p.products(), amounts, p.explanation());
  }

  @Test
  void aPageLoadOfAnUnchangedVersionComputesNothing() {
    Count before = Count.now();
    page();
    page();
    assertThat(Count.now().since(before)).isEqualTo(new Count(0, 0));
  }

  @Test
  void aSaveAndThePageAfterItComputeOnce() {
    Snapshot s = page();
    Count before = Count.now();
    var saved = workspace.changeProposal(Workspace.CONCEPT, "2.7-soc", s.row("2.7-soc").orElseThrow().revision(), changed(s), nl.begroot.TestBudgets.actor("test"));
    assertThat(saved).isInstanceOf(EditResult.Saved.class);
    Snapshot after = page();
    page();
    assertThat(after.version().stamp()).isNotEqualTo(s.version().stamp());
    assertThat(Count.now().since(before)).isEqualTo(new Count(1, 1));
  }

  @Test
  void aPreviewComputesTheCandidateOnceAndSavingItComputesNothingMore() {
    Snapshot s = page();
    ProposalDraft draft = changed(s);
    Count before = Count.now();
    Workspace.Preview preview = workspace.preview(Workspace.CONCEPT, "2.7-soc", draft);
    assertThat(preview).isInstanceOf(Workspace.Preview.Impact.class);
    ((Workspace.Preview.Impact) preview).after().printed();
    assertThat(Count.now().since(before)).isEqualTo(new Count(1, 1));
    workspace.changeProposal(Workspace.CONCEPT, "2.7-soc", s.row("2.7-soc").orElseThrow().revision(), draft, nl.begroot.TestBudgets.actor("test"));
    page();
    assertThat(Count.now().since(before)).as("the saved state is the previewed one").isEqualTo(new Count(1, 1));
  }

  @Test
  void aWithdrawAndThePageAfterItComputeOnce() {
    // first a unique state, so that withdrawing from it is a state no other test computed
    Snapshot s = page();
    workspace.changeProposal(Workspace.CONCEPT, "2.7-soc", s.row("2.7-soc").orElseThrow().revision(), changed(s), nl.begroot.TestBudgets.actor("test"));
    s = page();
    String id = s.budget().proposals().stream().filter(p -> p.rule() == Proposal.Rule.ENTERED && !p.id().equals("2.7-soc"))
        .reduce((a, b) -> b).orElseThrow().id();
    Count before = Count.now();
    var done = workspace.setWithdrawn(Workspace.CONCEPT, id, s.row(id).orElseThrow().revision(), true, nl.begroot.TestBudgets.actor("test"));
    assertThat(done).isInstanceOf(EditResult.Saved.class);
    page();
    assertThat(page().budget().proposal(id)).isEmpty();
    assertThat(Count.now().since(before)).isEqualTo(new Count(1, 1));
  }
}
