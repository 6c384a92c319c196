package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A version read back after a write is the budget its rows make read as one whole file (decision 240): after every
 * step of random sequences of writes (amounts and titles changed, proposals added, withdrawn and reinstated, a key's
 * shares changed), on a generated budget and on the IPO budget (printed tables and narratives checked against the
 * figures), the snapshot's budget equals the whole-file read of the very rows it was read from; the few proposals a
 * write changed were read one by one as often as such writes happened.
 */
class ReadBackTest {
  private static final Actor CONTROLLER = Actor.person("anna", "Anna", java.util.Set.of(Role.CONTROLLER, Role.BUDGETHOUDER),
      java.util.Set.of(), null, true);

  @Test
  void aGeneratedBudgetReadBackAfterEachWriteIsItsRowsReadWhole() {
    writeAndReadBack(BudgetGenerator.generate(20261204L, new BudgetGenerator.Size(300, 5, 40, 5, 6, 4)), 40, 240);
  }

  @Test
  void theIpoBudgetReadBackAfterEachWriteIsItsRowsReadWhole() {
    writeAndReadBack(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), 25, 2400);
  }

  @Test
  void aWriteRightAfterAnotherReadsItsStateOneProposalAtATime() {
    try (Database database = Database.open(TestDatabases.freshH2())) {
      Workspace workspace = new Workspace(database);
      workspace.seedIfEmpty(BudgetGenerator.generate(20261205L, new BudgetGenerator.Size(300, 5, 40, 5, 6, 4)), TestBudgets.SEED);
      String slug = Workspace.CONCEPT;
      Snapshot before = workspace.snapshot(slug).orElseThrow();
      SplittableRandom random = new SplittableRandom(5);
      List<Integer> years = before.budget().version().years();
      Proposal a = enteredLine(before.budget(), random);
      Proposal b;
      do {
        b = enteredLine(before.budget(), random);
      } while (b.id().equals(a.id()));
      Map<Integer, String> newA = amounts(years, random);
      Map<Integer, String> newB = amounts(years, random);
      assertThat(workspace.changeProposal(slug, a.id(), revision(before, a.id()), draft(a, a.title(), newA), CONTROLLER))
          .isInstanceOf(EditResult.Saved.class);
      long readChanged = Workspace.READ_CHANGED.get();
      // no read between: the second write's state is the rows after the first, read from the snapshot before it
      assertThat(workspace.changeProposal(slug, b.id(), revision(before, b.id()), draft(b, b.title(), newB), CONTROLLER))
          .isInstanceOf(EditResult.Saved.class);
      assertThat(Workspace.READ_CHANGED.get()).as("the second write's state read one proposal at a time").isGreaterThan(readChanged);
      Snapshot after = workspace.snapshot(slug).orElseThrow();
      LoadResult whole = BudgetCodec.readRows("versie " + slug, after.version().baseYaml(), after.rows());
      assertThat(after.budget()).isEqualTo(((LoadResult.Loaded) whole).budget());
      int ia = after.budget().proposals().indexOf(after.budget().proposal(a.id()).orElseThrow());
      int ib = after.budget().proposals().indexOf(after.budget().proposal(b.id()).orElseThrow());
      for (int y = 0; y < years.size(); y++) {
        assertThat(after.budget().proposals().get(ia).amounts().cents(y)).isEqualTo(Long.parseLong(newA.get(years.get(y))) * 100);
        assertThat(after.budget().proposals().get(ib).amounts().cents(y)).isEqualTo(Long.parseLong(newB.get(years.get(y))) * 100);
      }
    }
  }

  private static void writeAndReadBack(Budget seed, int steps, long seedOfSteps) {
    try (Database database = Database.open(TestDatabases.freshH2())) {
      Workspace workspace = new Workspace(database);
      workspace.seedIfEmpty(seed, TestBudgets.SEED);
      String slug = Workspace.CONCEPT;
      SplittableRandom random = new SplittableRandom(seedOfSteps);
      int oneByOne = 0;
      long readChanged = Workspace.READ_CHANGED.get();
      int added = 0;
      for (int step = 0; step < steps; step++) {
        Snapshot now = workspace.snapshot(slug).orElseThrow();
        Budget budget = now.budget();
        List<Integer> years = budget.version().years();
        int kind = random.nextInt(10);
        EditResult r;
        if (kind < 5) { // new amounts for an entered line
          Proposal p = enteredLine(budget, random);
          r = workspace.changeProposal(slug, p.id(), revision(now, p.id()), draft(p, p.title(), amounts(years, random)), CONTROLLER);
          oneByOne++;
        } else if (kind < 6) { // a new title
          Proposal p = enteredLine(budget, random);
          r = workspace.changeProposal(slug, p.id(), revision(now, p.id()), draft(p, p.title() + " (" + step + ")", amountsOf(p, years)),
              CONTROLLER);
          oneByOne++;
        } else if (kind < 8) { // a new proposal, in the unit of an entered line
          Proposal like = enteredLine(budget, random);
          String id = "nieuw-" + step + "-" + (++added);
          r = workspace.createProposal(slug, new ProposalDraft(id, like.unit(), "Nieuw voorstel " + step, "lasten", "recurring", null, List.of(),
              amounts(years, random), ""), CONTROLLER);
          oneByOne++;
        } else if (kind < 9) { // withdrawn, or a withdrawn one reinstated: the whole file is read
          StoredProposal gone = now.rows().stream().filter(StoredProposal::withdrawn).findFirst().orElse(null);
          if (gone != null) {
            r = workspace.setWithdrawn(slug, gone.proposalId(), gone.revision(), false, CONTROLLER);
          } else {
            Proposal p = enteredLine(budget, random);
            r = workspace.setWithdrawn(slug, p.id(), revision(now, p.id()), true, CONTROLLER);
          }
        } else { // a key's shares: the base changes, the whole file is read
          var key = budget.keys().get(random.nextInt(budget.keys().size()));
          var members = new ArrayList<>(key.sharesPercent().keySet());
          String from = members.get(0);
          String to = members.get(members.size() - 1);
          var step001 = new java.math.BigDecimal("0.01");
          Map<String, String> shares = new LinkedHashMap<>();
          key.sharesPercent().forEach((m, v) -> shares.put(m, v.toPlainString()));
          if (key.sharesPercent().get(from).compareTo(step001) >= 0 && !from.equals(to)) {
            shares.put(from, key.sharesPercent().get(from).subtract(step001).toPlainString());
            shares.put(to, key.sharesPercent().get(to).add(step001).toPlainString());
          }
          int keyRevision = now.version().revision(); // a key is part of the version's base: its revision
          r = workspace.changeKey(slug, key.id(), shares, keyRevision, CONTROLLER);
        }
        assertThat(r).as("step %d", step).isInstanceOf(EditResult.Saved.class);

        Snapshot after = workspace.snapshot(slug).orElseThrow();
        LoadResult whole = BudgetCodec.readRows("versie " + slug, after.version().baseYaml(), after.rows());
        assertThat(whole).as("step %d: the rows read as one file", step).isInstanceOf(LoadResult.Loaded.class);
        assertThat(after.budget()).as("step %d: the budget read back", step).isEqualTo(((LoadResult.Loaded) whole).budget());
      }
      assertThat(Workspace.READ_CHANGED.get() - readChanged).as("versions read back one proposal at a time").isGreaterThanOrEqualTo(oneByOne);
    }
  }

  private static Proposal enteredLine(Budget budget, SplittableRandom random) {
    Proposal p;
    do {
      p = budget.proposals().get(random.nextInt(budget.proposals().size()));
    } while (p.rule() != Proposal.Rule.ENTERED || p.breakdown() != null || p.passThrough());
    return p;
  }

  private static int revision(Snapshot s, String id) {
    return s.row(id).orElseThrow().revision();
  }

  private static Map<Integer, String> amounts(List<Integer> years, SplittableRandom random) {
    Map<Integer, String> amounts = new LinkedHashMap<>();
    for (int year : years) {
      amounts.put(year, Long.toString(random.nextLong(-5_000_000L, 5_000_000L)));
    }
    return amounts;
  }

  private static Map<Integer, String> amountsOf(Proposal p, List<Integer> years) {
    Map<Integer, String> amounts = new LinkedHashMap<>();
    for (int y = 0; y < years.size(); y++) {
      long cents = Math.abs(p.amounts().cents(y)); // as typed on the form: euros with a decimal comma
      String euros = (p.amounts().cents(y) < 0 ? "-" : "") + cents / 100 + (cents % 100 == 0 ? "" : String.format(Locale.ROOT, ",%02d", cents % 100));
      amounts.put(years.get(y), p.amounts().kind(y) == nl.begroot.core.model.Amounts.Kind.PM ? "pm" : euros);
    }
    return amounts;
  }

  private static ProposalDraft draft(Proposal p, String title, Map<Integer, String> amounts) {
    return new ProposalDraft(p.id(), p.unit(), title, p.side().name().toLowerCase(Locale.ROOT),
        p.nature() == null ? null : p.nature().name().toLowerCase(Locale.ROOT), p.category(), p.products(), amounts, p.explanation());
  }
}
