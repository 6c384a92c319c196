package nl.begroot.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Unit;
import org.junit.jupiter.api.Test;

/**
 * {@link BudgetValidator#validateEdit} gives the verdict of {@link BudgetValidator#validate} (the same
 * list of violations, in the same order) for random one-proposal edits of random valid budgets,
 * valid ones and deliberately invalid ones, chained (a valid candidate is the next edit's budget
 * before), and it takes the local path for most of them (decision 218).
 */
class IncrementalValidationTest {
  /** An annex-less programme without lines, so that a line moved into it falls in no annex column. */
  private static Budget withUnclaimedProgramme(Budget b) {
    int years = b.version().years().size();
    Amounts.Builder frame = Amounts.builder(years);
    for (int y = 0; y < years; y++) {
      frame.amount(y, 1_000_00L);
    }
    List<Programme> programmes = new ArrayList<>(b.programmes());
    programmes.add(new Programme("X", "Programme X", "", false, Map.of(), List.of(new Unit("X.1", "Unit X.1", "")), frame.build(),
        frame.build()));
    return b.withProgrammes(programmes);
  }

  private static Proposal copy(Proposal p, String id, List<String> units, String title, Side side, Nature nature, String category,
      List<String> products, Amounts amounts, Proposal.Rule rule, boolean passThrough, String thirdParty, Breakdown breakdown) {
    return new Proposal(id, units, title, side, nature, category, products, amounts, rule, passThrough, p.passThroughItems(), thirdParty,
        p.group(), breakdown, p.explanation());
  }

  private static Amounts amounts(Random r, int years, long max) {
    Amounts.Builder a = Amounts.builder(years);
    for (int y = 0; y < years; y++) {
      if (r.nextInt(8) > 0) {
        a.amount(y, r.nextLong(-max, max));
      }
    }
    return a.build();
  }

  private static Amounts oneYear(int years, int year, long cents) {
    Amounts.Builder a = Amounts.builder(years);
    a.amount(year, cents);
    return a.build();
  }

  /** A proposal made from {@code p} by mutation {@code kind}: most are invalid on purpose. */
  private static Proposal mutate(Random r, Budget b, Proposal p, int kind) {
    int years = b.version().years().size();
    List<Proposal> all = b.proposals();
    Proposal other = all.get(r.nextInt(all.size()));
    List<String> u = p.units();
    return switch (kind) {
      case 0, 1, 2 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), p.category(), p.products(), amounts(r, years, 500_000_000L),
          p.rule(), false, p.thirdParty(), null); // valid
      case 3 -> copy(p, p.id(), List.of("no-such-unit"), p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(), false, null, null);
      case 4 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), Amounts.of(new long[years + 1]), p.rule(), false, null, null);
      case 5 -> copy(p, p.id(), List.of("X.1"), p.title(), Side.LASTEN, p.nature(), null, List.of(), p.amounts(), p.rule(), false, null, null);
      case 6 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), oneYear(years, r.nextInt(years), BudgetValidator.MAX_CENTS + 1),
          p.rule(), false, null, null);
      case 7 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), oneYear(years, 0, Long.MIN_VALUE), p.rule(), false, null, null);
      case 8 -> copy(p, other.id(), u, p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(), false, null, null); // duplicate id
      case 9 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), "no-such-category", List.of("no-such-product"), p.amounts(), p.rule(), false,
          "no-such-party", null);
      case 10 -> copy(p, p.id(), u, " ", null, null, null, List.of(), p.amounts(), p.rule(), false, null, null);
      case 11 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), null, false, null, null);
      case 12 -> {
        Amounts.Builder a = Amounts.builder(years);
        a.pm(0);
        if (years > 1) {
          a.amount(1, 5_00L);
        }
        yield copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), a.build(), p.rule(), false, null, null);
      }
      case 13 -> copy(p, p.id(), u, p.title(), Side.BATEN, p.nature(), null, List.of(), Amounts.blank(years), Proposal.Rule.BALANCING, false, null,
          null); // a second balancing line
      case 14 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), Amounts.blank(years), Proposal.Rule.TRANSFER, false, null,
          null); // a transfer line no leg names
      case 15 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(), false, null,
          new Breakdown("Parts", false, false, List.of(new Breakdown.Component("A", "A", Nature.ONE_OFF, oneYear(years, 0, 1_00L)),
              new Breakdown.Component("A", "", Nature.ONE_OFF, Amounts.of(new long[years + 2]))))); // components that do not add up
      case 16 -> copy(p, p.id(), List.of(b.programmes().get(b.programmes().size() - 2).units().get(0).id()), p.title(), Side.BATEN, p.nature(), null,
          List.of(), p.amounts(), p.rule(), false, null, null); // a baten line of the overhead view (the programme before X)
      case 17 -> copy(p, p.id(), List.of(u.get(0), u.get(0), "1.1", "2.1"), p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(),
          false, null, null); // a unit twice, units of several programmes
      case 18 -> copy(p, p.id() + " x/y", u, p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(), false, null, null);
      case 19 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(), true, null, null); // pass-through
      case 20 -> copy(p, p.id(), u, p.title(), p.side(), p.nature(), null, List.of(), oneYear(years, 0, BudgetValidator.MAX_CENTS), p.rule(), false,
          null, null); // the largest amount: pushes a budget near the yearly limit over it
      default -> copy(p, "new-" + r.nextInt(1_000_000), u, p.title(), p.side(), p.nature(), null, List.of(), p.amounts(), p.rule(), false, null,
          null); // a new id (an added line)
    };
  }

  private static final int KINDS = 22;

  private static long[] checkEdits(Budget start, Random r, int edits) {
    long local = 0;
    long compared = 0;
    Budget before = start;
    assertThat(BudgetValidator.validate(before)).as("the generated budget is valid").isEmpty();
    for (int e = 0; e < edits; e++) {
      List<Proposal> proposals = new ArrayList<>(before.proposals());
      int kind = r.nextInt(KINDS);
      int index;
      Proposal base = proposals.get(r.nextInt(proposals.size()));
      boolean add = r.nextInt(4) == 0;
      boolean withdraw = !add && r.nextInt(20) == 0;
      Budget candidate;
      if (withdraw) {
        index = r.nextInt(proposals.size());
        proposals.remove(index);
        candidate = before.withProposals(proposals);
      } else if (add) {
        index = proposals.size();
        Proposal p = mutate(r, before, base, kind);
        if (kind <= 2 || kind == 20) {
          p = copy(p, "new-" + e + "-" + r.nextInt(1000), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(),
              p.rule(), p.passThrough(), p.thirdParty(), p.breakdown());
        }
        proposals.add(p);
        candidate = before.withProposals(proposals);
      } else {
        index = r.nextInt(proposals.size());
        proposals.set(index, mutate(r, before, proposals.get(index), kind));
        candidate = before.withProposals(proposals);
      }
      long locals = BudgetValidator.localValidations();
      List<Violation> incremental = BudgetValidator.validateEdit(before, candidate, index);
      local += BudgetValidator.localValidations() - locals;
      List<Violation> whole = BudgetValidator.validate(candidate);
      assertThat(incremental).as("edit %d (mutation %d, %s at %d): the incremental verdict is the whole one", e, kind,
          withdraw ? "withdrawn" : add ? "added" : "changed", index).isEqualTo(whole);
      compared++;
      if (whole.isEmpty()) {
        before = candidate; // the next edit starts from the state the incremental verdict found valid
      }
    }
    return new long[] {compared, local};
  }

  @Test
  void theIncrementalVerdictIsTheWholeOneForRandomEditsOfRandomBudgets() {
    long compared = 0;
    long local = 0;
    for (int seed = 0; seed < 25; seed++) {
      Random r = new Random(seed);
      Budget budget = withUnclaimedProgramme(BudgetGenerator.generate(seed,
          new BudgetGenerator.Size(40 + r.nextInt(200), 1 + r.nextInt(5), 5, 3, 3 + r.nextInt(3), 1 + r.nextInt(3))));
      long[] n = checkEdits(budget, r, 120);
      compared += n[0];
      local += n[1];
    }
    assertThat(compared).isEqualTo(25 * 120);
    assertThat(local).as("most edits take the local path (else this test proves little)").isGreaterThan(compared / 2);
  }

  /** A budget whose year 0 adds up to just under the limit: the largest amount in one more line goes over it, the totals rule must see that. */
  @Test
  void theYearlyTotalsAreUpdatedByTheEditedLine() {
    Budget small = withUnclaimedProgramme(BudgetGenerator.generate(7, new BudgetGenerator.Size(40, 3, 5, 3, 4, 2)));
    int years = small.version().years().size();
    List<Proposal> proposals = new ArrayList<>(small.proposals());
    Proposal template = proposals.stream().filter(p -> p.rule() == Proposal.Rule.ENTERED && !p.passThrough() && p.units().get(0).equals("1.1"))
        .findFirst().orElseGet(() -> proposals.get(proposals.size() - 1));
    long lines = BudgetValidator.MAX_YEAR_TOTAL_CENTS / BudgetValidator.MAX_CENTS; // 11.529 lines of the largest amount
    for (int i = 0; i < lines; i++) {
      proposals.add(copy(template, "big-" + i, List.of("1.1"), "Big " + i, Side.LASTEN, Nature.ONE_OFF, null, List.of(),
          oneYear(years, 0, BudgetValidator.MAX_CENTS), Proposal.Rule.ENTERED, false, null, null));
    }
    Budget near = small.withProposals(proposals);
    long[] n = checkEdits(near, new Random(11), 150);
    assertThat(n[1]).isGreaterThan(n[0] / 2);
    // and deliberately: one more line of the largest amount goes over the limit
    List<Proposal> more = new ArrayList<>(near.proposals());
    more.add(copy(template, "one-more", List.of("1.1"), "One more", Side.LASTEN, Nature.ONE_OFF, null, List.of(),
        oneYear(years, 0, BudgetValidator.MAX_CENTS), Proposal.Rule.ENTERED, false, null, null));
    Budget over = near.withProposals(more);
    List<Violation> incremental = BudgetValidator.validateEdit(near, over, more.size() - 1);
    assertThat(incremental).extracting(Violation::message).anyMatch(m -> m.contains("too large to add up exactly"));
    assertThat(incremental).isEqualTo(BudgetValidator.validate(over));
  }
}
