package nl.begroot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Unit;
import nl.begroot.core.validate.BudgetValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental what-ifs: after every step of a seeded-random sequence of edits (a proposal changed in
 * its amounts, pm years, side, nature, unit or pass-through mark; a proposal added; one withdrawn),
 * the computation updated by the edit's delta has every figure of a full computation of the edited
 * budget, and of the row-by-row engine. Each sequence names its seed.
 */
class IncrementalEngineTest {
  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 40).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyStepOfARandomEditSequenceEqualsAFullComputation(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 7919);
    Budget budget = ColumnarEngineTest.budget(seed);
    Computation incremental = Engine.compute(budget);
    int steps = 0;
    for (int step = 0; step < 30; step++) {
      List<Proposal> proposals = new ArrayList<>(budget.proposals());
      int kind = r.nextInt(10);
      int index = r.nextInt(proposals.size());
      Proposal old = proposals.get(index);
      Budget after;
      Computation next;
      String what;
      if (kind < 6) {
        if (old.rule() != Proposal.Rule.ENTERED) {
          continue;
        }
        proposals.set(index, edited(old, budget, r));
        after = budget.withProposals(proposals);
        if (!BudgetValidator.validate(after).isEmpty()) {
          continue;
        }
        what = "change " + old.id();
        next = Engine.change(incremental, after, index);
      } else if (kind < 8) {
        proposals.add(withId(edited(old, budget, r), "new-" + seed + "-" + step));
        after = budget.withProposals(proposals);
        if (!BudgetValidator.validate(after).isEmpty()) {
          continue;
        }
        what = "add";
        next = Engine.add(incremental, after);
      } else {
        if (old.rule() != Proposal.Rule.ENTERED) {
          continue;
        }
        proposals.remove(index);
        after = budget.withProposals(proposals);
        if (!BudgetValidator.validate(after).isEmpty()) {
          continue;
        }
        what = "withdraw " + old.id();
        next = Engine.withdraw(incremental, after, index);
      }
      assertThat(next.state).as("an update, not a fallback").isNotNull();
      String at = "seed " + seed + " step " + step + " (" + what + ")";
      Same.figures(next, Engine.compute(after), at + " vs full");
      Same.figures(next, RowEngine.compute(after), at + " vs row engine");
      budget = after;
      incremental = next;
      steps++;
    }
    assertThat(steps).as("edits applied for seed " + seed).isGreaterThan(5);
  }

  /** A proposal changed at random: amounts, a pm year, side, nature, unit, pass-through mark. */
  private static Proposal edited(Proposal p, Budget budget, SplittableRandom r) {
    int years = p.amounts().size();
    Amounts.Builder a = Amounts.builder(years);
    for (int y = 0; y < years; y++) {
      int pick = r.nextInt(12);
      if (pick == 0) {
        a.pm(y);
      } else if (pick > 1) {
        a.amount(y, r.nextLong(-900_000_000L, 900_000_000L));
      }
    }
    Amounts amounts = a.build();
    Side side = p.side();
    Nature nature = r.nextBoolean() ? Nature.RECURRING : Nature.ONE_OFF;
    List<String> units = p.units();
    if (r.nextInt(3) == 0) {
      List<Unit> all = new ArrayList<>();
      for (Programme programme : budget.programmes()) {
        if (!programme.overheadView() || side == Side.LASTEN) {
          all.addAll(programme.units());
        }
      }
      units = List.of(all.get(r.nextInt(all.size())).id());
    }
    boolean passThrough = p.passThrough();
    if (r.nextInt(4) == 0) {
      passThrough = !passThrough;
    }
    if (passThrough && (side != Side.LASTEN || amounts.anyPm())) {
      passThrough = false;
    }
    return new Proposal(p.id(), units, p.title(), side, nature, p.category(), p.products(), amounts, Proposal.Rule.ENTERED, passThrough,
        p.passThroughItems(), side == Side.BATEN ? p.thirdParty() : null, p.group(), null, p.explanation());
  }

  private static Proposal withId(Proposal p, String id) {
    return new Proposal(id, p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(), p.rule(), p.passThrough(),
        p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation());
  }
}
