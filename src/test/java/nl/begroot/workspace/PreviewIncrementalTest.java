package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Tabel1Table;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.store.Database;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview's cheaper route (issue 13, decisions 215-216: the edited state computed by the edit's
 * delta, its pipeline key hashed from the state before, the proposals compared by position) shows the
 * same figures as a full computation of the edited budget. The expected values come from {@link
 * Engine#compute} of the budget before and of the edited budget, run here directly (not through the
 * pipeline, whose kept states the preview made), read figure by figure from the engine.
 */
class PreviewIncrementalTest {
  private static final Budget GENERATED = BudgetGenerator.generate(20261203L, new BudgetGenerator.Size(300, 5, 40, 5, 6, 4));

  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.freshH2());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(GENERATED, nl.begroot.TestBudgets.SEED);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aPreviewShowsTheFiguresOfAFullComputationOfTheEditedBudget() {
    SplittableRandom random = new SplittableRandom(13);
    Snapshot now = workspace.snapshot(Workspace.CONCEPT).orElseThrow();
    Budget before = now.budget();
    Computation fullBefore = Engine.compute(before);
    List<Integer> years = before.version().years();
    for (int edit = 0; edit < 6; edit++) {
      int index;
      do {
        index = random.nextInt(before.proposals().size());
      } while (before.proposals().get(index).rule() != Proposal.Rule.ENTERED || before.proposals().get(index).breakdown() != null
          || before.proposals().get(index).passThrough());
      Proposal p = before.proposals().get(index);
      Map<Integer, String> amounts = new LinkedHashMap<>();
      long[] euros = new long[years.size()];
      for (int y = 0; y < years.size(); y++) {
        euros[y] = random.nextLong(-5_000_000L, 5_000_000L);
        amounts.put(years.get(y), Long.toString(euros[y]));
      }
      ProposalDraft draft = new ProposalDraft(p.id(), p.unit(), p.title(), p.side().name().toLowerCase(Locale.ROOT),
          p.nature() == null ? null : p.nature().name().toLowerCase(Locale.ROOT), p.category(), p.products(), amounts, p.explanation());

      long incremental = Pipeline.incrementalComputations();
      Workspace.Preview preview = workspace.preview(Workspace.CONCEPT, p.id(), draft);
      assertThat(preview).isInstanceOf(Workspace.Preview.Impact.class);
      Workspace.Preview.Impact impact = (Workspace.Preview.Impact) preview;
      assertThat(Pipeline.incrementalComputations()).as("the preview took the route by the edit's delta").isEqualTo(incremental + 1);
      for (int y = 0; y < years.size(); y++) {
        assertThat(impact.proposal().amounts().cents(y)).as("the draft's amount, in cents").isEqualTo(euros[y] * 100);
      }

      // the edited budget, made here: the proposal at its place replaced, everything else as before
      List<Proposal> proposals = new ArrayList<>(before.proposals());
      proposals.set(index, impact.proposal());
      Budget edited = before.withProposals(proposals);
      Computation full = Engine.compute(edited);
      Comparison c = impact.comparison();

      assertThat(c.years()).isEqualTo(years);
      int column = AnnexLayout.columnIndex(before.annex(), before.annex().totalColumn().orElseThrow().id());
      for (int y = 0; y < years.size(); y++) {
        assertThat(c.balancing().a()[y]).isEqualTo(fullBefore.balancing(y));
        assertThat(c.balancing().b()[y]).as("balancing item %s", years.get(y)).isEqualTo(full.balancing(y));
        assertThat(c.distributed().b()[y]).isEqualTo(full.annex().toDistribute(column, y));
      }
      Map<String, Tabel1Table.Line> tabel1 = new HashMap<>();
      Tabel1Table.lines(full).forEach(l -> tabel1.put(l.id(), l));
      assertThat(c.tabel1()).hasSize(tabel1.size());
      for (Comparison.Line l : c.tabel1()) {
        assertThat(l.b()).as("Tabel 1 row %s", l.id()).isEqualTo(tabel1.get(l.id()).cents());
      }
      assertThat(c.members()).hasSize(before.members().size());
      for (int m = 0; m < before.members().size(); m++) {
        Comparison.Line l = c.members().get(m);
        assertThat(l.id()).isEqualTo(before.members().get(m).id());
        for (int y = 0; y < years.size(); y++) {
          assertThat(l.a()[y]).isEqualTo(fullBefore.annex().member(column, y, m));
          assertThat(l.b()[y]).as("member %s in %s", l.id(), years.get(y)).isEqualTo(full.annex().member(column, y, m));
        }
      }
      assertThat(c.proposals()).hasSize(edited.proposals().size());
      List<String> expectChanged = new ArrayList<>();
      for (int i = 0; i < edited.proposals().size(); i++) {
        Comparison.ProposalChange change = c.proposals().get(i);
        assertThat(change.id()).isEqualTo(edited.proposals().get(i).id());
        for (int y = 0; y < years.size(); y++) {
          assertThat(change.amounts().a()[y]).isEqualTo(fullBefore.line(i).cents(y));
          assertThat(change.amounts().b()[y]).as("proposal %s in %s", change.id(), years.get(y)).isEqualTo(full.line(i).cents(y));
        }
        boolean changed = !edited.proposals().get(i).equals(before.proposals().get(i))
            || !java.util.Arrays.equals(change.amounts().a(), change.amounts().b());
        assertThat(change.status()).as("status of %s", change.id())
            .isEqualTo(changed ? Comparison.Status.CHANGED : Comparison.Status.UNCHANGED);
        if (changed) {
          expectChanged.add(change.id());
        }
      }
      // what the preview's answer lists: only the changed ones, found without a look at the shared ones' amounts (decision 231)
      assertThat(c.changedProposals()).extracting(Comparison.ProposalChange::id).as("the changed proposals").isEqualTo(expectChanged);
      assertThat(expectChanged).as("the edit changes its own line").contains(edited.proposals().get(index).id());

      // the same state read back (another object, equal by value: a save's re-read) is the one the preview kept
      Budget readBack = before.withProposals(new ArrayList<>(proposals));
      assertThat(Pipeline.compute(readBack)).as("the preview's state found again by value").isSameAs(impact.after().computed());
    }
  }
}
