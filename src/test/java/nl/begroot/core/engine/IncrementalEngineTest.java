package nl.begroot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Unit;
import nl.begroot.core.pipeline.Computed;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.render.JsonRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental what-ifs: after every step of a seeded-random sequence of edits (a proposal changed in
 * its amounts, pm years, side, nature, unit or pass-through mark; a proposal added; one withdrawn),
 * the computation updated by the edit's delta has every figure of a full computation of the edited
 * budget, and of the row-by-row engine, and the computation it was updated from still has the figures it
 * had; and through the pipeline (the preview's and the save's
 * path) the figures and their rounding are those of a full computation. Fixed seeds; a failure names
 * its seed and step (the sequence is replayed by that seed alone).
 */
class IncrementalEngineTest {
  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 40).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyStepOfARandomEditSequenceEqualsAFullComputation(long seed) {
    editSequence(seed, ColumnarEngineTest.budget(seed));
  }

  /**
   * As above, with the pass-through contribution line in another programme than the balancing line: in the
   * generated budgets both are in the same programme, so the contribution's totals row is written first and the
   * balancing item's write finds it the update's own (decision 247); here it is written alone.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSameWithTheContributionAndTheBalancingItemInTwoProgrammes(long seed) {
    Budget budget = null;
    Programme other = null;
    // the seed's budget, or (when it has one regular programme) the next of seed + 1.000, + 2.000, ... that has two
    for (long s = seed; other == null; s += 1_000) {
      assertThat(s).as("a generated budget with two regular programmes near seed " + seed).isLessThan(seed + 50_000);
      budget = ColumnarEngineTest.budget(s);
      String balancingUnit = budget.proposals().stream().filter(p -> p.rule() == Proposal.Rule.BALANCING).findFirst()
          .orElseThrow().unit();
      other = budget.programmes().stream()
          .filter(pr -> !pr.overheadView() && pr.units().stream().noneMatch(u -> u.id().equals(balancingUnit)))
          .findFirst().orElse(null);
    }
    List<Proposal> proposals = new ArrayList<>(budget.proposals());
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        proposals.set(i, new Proposal(p.id(), List.of(other.units().get(0).id()), p.title(), p.side(), p.nature(), p.category(),
            p.products(), p.amounts(), p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(),
            p.explanation()));
      }
    }
    editSequence(seed, budget.withProposals(proposals));
  }

  /**
   * The contribution line is pm in a year where a moved line is pm and none has an amount: an edit that
   * gives the only moved amount of the first year a blank turns that year to pm without changing any
   * line's pm count (the update must not take over the pm marks from before, decision 253), and the edit
   * back turns it to an amount again. Each step against a full computation, and the mark against the
   * rule itself: pm exactly when the moved line with an amount is blank.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aContributionYearThatTurnsFromAnAmountToPmAndBackIsMarkedAsAFullComputationMarksIt(long seed) {
    Budget budget = ColumnarEngineTest.budget(seed);
    List<Proposal> proposals = new ArrayList<>(budget.proposals());
    int contribution = -1;
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.passThrough()) { // only the two lines below are moved
        proposals.set(i, moved(p, p.amounts(), false));
      }
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        contribution = i;
      }
    }
    assertThat(contribution).as("seed " + seed + ": a contribution line").isNotNegative();
    // no other line marks the contribution's programme and side pm in the first year, so that the mark is the contribution's own
    java.util.Map<String, Programme> programmeOfUnit = new java.util.HashMap<>();
    budget.programmes().forEach(pr -> pr.units().forEach(u -> programmeOfUnit.put(u.id(), pr)));
    Programme contributionProgramme = programmeOfUnit.get(proposals.get(contribution).unit());
    Side contributionSide = proposals.get(contribution).side();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (i != contribution && p.amounts().isPm(0) && p.side() == contributionSide && programmeOfUnit.get(p.unit()) == contributionProgramme) {
        Amounts.Builder a = Amounts.builder(p.amounts().size());
        for (int y = 1; y < p.amounts().size(); y++) {
          if (p.amounts().isPm(y)) {
            a.pm(y);
          } else if (p.amounts().kind(y) == Amounts.Kind.AMOUNT) {
            a.amount(y, p.amounts().cents(y));
          }
        }
        proposals.set(i, moved(p, a.build(), p.passThrough()));
      }
    }
    int programmeIndex = budget.programmes().indexOf(contributionProgramme);
    List<Integer> lasten = new ArrayList<>();
    for (int i = 0; i < proposals.size() && lasten.size() < 2; i++) {
      Proposal p = proposals.get(i);
      if (p.rule() == Proposal.Rule.ENTERED && p.side() == Side.LASTEN && p.breakdown() == null) {
        lasten.add(i);
      }
    }
    assertThat(lasten).as("seed " + seed + ": two entered lasten lines").hasSize(2);
    int years = budget.version().years().size();
    int pmLine = lasten.get(0);
    int amountLine = lasten.get(1);
    proposals.set(pmLine, moved(proposals.get(pmLine), yearZero(years, null), true)); // pm in the first year
    proposals.set(amountLine, moved(proposals.get(amountLine), yearZero(years, 123_456L), true)); // an amount in the first year
    Budget withAmount = budget.withProposals(proposals);
    proposals.set(amountLine, moved(proposals.get(amountLine), Amounts.blank(years), true));
    Budget withBlank = budget.withProposals(proposals);
    assertThat(BudgetValidator.validate(withAmount)).as("seed " + seed).isEmpty();
    assertThat(BudgetValidator.validate(withBlank)).as("seed " + seed).isEmpty();

    Computation first = Engine.compute(withAmount);
    Computation toPm = Engine.change(first, withBlank, amountLine);
    Computation back = Engine.change(toPm, withAmount, amountLine);
    assertThat(toPm.state.sums).as("an update (no group sums), not a fallback").isNull();
    assertThat(back.state.sums).as("an update (no group sums), not a fallback").isNull();
    Same.figures(toPm, Engine.compute(withBlank), "seed " + seed + ": amount to pm");
    Same.figures(back, Engine.compute(withAmount), "seed " + seed + ": pm to amount");
    assertThat(toPm.line(contribution).isPm(0)).as("seed " + seed + ": the contribution's first year, no moved amount").isTrue();
    assertThat(back.line(contribution).isPm(0)).as("seed " + seed + ": the contribution's first year, a moved amount").isFalse();
    // the programme's pm mark (what an update may take over from before) follows the contribution alone
    assertThat(hasPm(first, contributionSide, programmeIndex)).as("seed " + seed + ": pm mark with a moved amount").isFalse();
    assertThat(hasPm(toPm, contributionSide, programmeIndex)).as("seed " + seed + ": pm mark without a moved amount").isTrue();
    assertThat(hasPm(back, contributionSide, programmeIndex)).as("seed " + seed + ": pm mark with the amount back").isFalse();
  }

  private static boolean hasPm(Computation c, Side side, int programme) {
    return side == Side.LASTEN ? c.changeLastenHasPm(programme, 0) : c.changeBatenHasPm(programme, 0);
  }

  /**
   * The identity comparisons of an update (decision 253) hold only if a row of totals is never written once
   * the totals are copied: such a write is refused, and the copy still writes its own copy of the row.
   */
  @org.junit.jupiter.api.Test
  void totalsCopiedAreNotWrittenAgain() {
    EngineState.Totals totals = new EngineState.Totals(2, 3, 4);
    totals.row(totals.parts, 1)[2] = 7;
    EngineState.Totals copy = totals.copyOnWrite();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> totals.row(totals.parts, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("copied");
    long[] own = copy.row(copy.parts, 1);
    own[2] = 9;
    assertThat(totals.parts[1][2]).as("the row copied from").isEqualTo(7);
    assertThat(copy.parts[1][2]).isEqualTo(9);
  }

  /** {@code p} with these amounts, moved into the pass-through budget or not. */
  private static Proposal moved(Proposal p, Amounts amounts, boolean passThrough) {
    return new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), amounts, p.rule(), passThrough,
        p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation());
  }

  /** Pm (null) or an amount in the first year, blank after. */
  private static Amounts yearZero(int years, Long cents) {
    Amounts.Builder a = Amounts.builder(years);
    if (cents == null) {
      a.pm(0);
    } else {
      a.amount(0, cents);
    }
    return a.build();
  }

  private void editSequence(long seed, Budget start) {
    SplittableRandom r = new SplittableRandom(seed * 7919);
    Budget budget = start;
    Computation incremental = Engine.compute(budget);
    int steps = 0;
    for (int step = 0; step < 30; step++) {
      Step s = Step.random(budget, r, seed, step);
      if (s == null) {
        continue;
      }
      String at = "seed " + seed + " step " + step + " (" + s.what + ")";
      Computation next;
      try {
        next = switch (s.kind) {
          case CHANGED -> Engine.change(incremental, s.after, s.index);
          case ADDED -> Engine.add(incremental, s.after);
          case WITHDRAWN -> Engine.withdraw(incremental, s.after, s.index);
        };
        // an update's state carries no group sums (decision 253); a full computation's, which a fallback makes, does
        assertThat(next.state.sums).as(at + ": an update, not a fallback").isNull();
        Same.figures(next, Engine.compute(s.after), at + " vs full");
        Same.figures(next, RowEngine.compute(s.after), at + " vs row engine");
        // the computation updated from is left as it was: an update shares its totals' rows until it writes one
        Same.figures(incremental, Engine.compute(budget), at + ": the computation before, after the update");
      } catch (RuntimeException e) {
        throw new AssertionError(at + ": " + e, e); // the seed and step of any failure, not only of an assertion
      }
      budget = s.after;
      incremental = next;
      steps++;
    }
    assertThat(steps).as("edits applied for seed " + seed).isGreaterThan(5);
  }

  /**
   * The path the preview and the save take: {@link Pipeline#compute(Budget, Pipeline.Edit)} with the
   * state before still computed updates it by the delta, then builds the figures and rounds them;
   * after every step of a random edit sequence its tables (figures and their controlled rounding, as
   * the API's JSON has them) are those of a full computation from scratch.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("pipelineSeeds")
  void thePreviewPathGivesTheFiguresAndRoundingOfAFullComputation(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 104_729);
    Budget budget = ColumnarEngineTest.budget(seed);
    Pipeline.compute(budget);
    int steps = 0;
    for (int step = 0; step < 20; step++) {
      Step s = Step.random(budget, r, seed, step);
      if (s == null) {
        continue;
      }
      String at = "seed " + seed + " step " + step + " (" + s.what + ")";
      try {
        long computedBefore = Pipeline.computations();
        long incrementalBefore = Pipeline.incrementalComputations();
        Computed preview = Pipeline.compute(s.after, new Pipeline.Edit(budget, s.kind, s.index));
        // computed by the delta, or (a state seen a few steps ago, withdrawn back to) kept from then
        assertThat(Pipeline.incrementalComputations() - incrementalBefore).as(at + ": updated by the delta")
            .isEqualTo(Pipeline.computations() - computedBefore);
        Document full = DocumentBuilder.build(Engine.compute(s.after));
        assertThat(tables(preview.document())).as(at + " vs full").isEqualTo(tables(full));
      } catch (RuntimeException e) {
        throw new AssertionError(at + ": " + e, e);
      }
      budget = s.after;
      steps++;
    }
    assertThat(steps).as("edits applied for seed " + seed).isGreaterThan(3);
  }

  static Stream<Long> pipelineSeeds() {
    return LongStream.rangeClosed(101, 106).boxed();
  }

  /** Every table of a document with its printed (rounded) figures, as the API's JSON. */
  private static String tables(Document d) {
    return JsonRenderer.compute(d, ControlledRounding.round(d), d.tables());
  }

  /** One random edit of a budget: what it is, the budget after, and the kind and index as the pipeline takes them. */
  private record Step(Budget after, Pipeline.Edit.Kind kind, int index, String what) {
    /** An edit of {@code budget}, or null when the one drawn would make an invalid budget (skipped, as the workspace refuses it). */
    static Step random(Budget budget, SplittableRandom r, long seed, int step) {
      List<Proposal> proposals = new ArrayList<>(budget.proposals());
      int kind = r.nextInt(10);
      int index = r.nextInt(proposals.size());
      Proposal old = proposals.get(index);
      Step s;
      if (kind < 6) {
        if (old.rule() != Proposal.Rule.ENTERED) {
          return null;
        }
        proposals.set(index, edited(old, budget, r));
        s = new Step(budget.withProposals(proposals), Pipeline.Edit.Kind.CHANGED, index, "change " + old.id());
      } else if (kind < 8) {
        proposals.add(withId(edited(old, budget, r), "new-" + seed + "-" + step));
        s = new Step(budget.withProposals(proposals), Pipeline.Edit.Kind.ADDED, proposals.size() - 1, "add");
      } else {
        if (old.rule() != Proposal.Rule.ENTERED) {
          return null;
        }
        proposals.remove(index);
        s = new Step(budget.withProposals(proposals), Pipeline.Edit.Kind.WITHDRAWN, index, "withdraw " + old.id());
      }
      return BudgetValidator.validate(s.after).isEmpty() ? s : null;
    }
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
