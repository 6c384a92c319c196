package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.TestBudgets;
import nl.begroot.core.engine.AnnexFigures;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded-random budgets (see {@link BudgetGenerator}): the properties hold for every one. Each
 * assertion names its seed; rerun one with {@code -Dtest=PropertyTest} and the seed in the name.
 */
class PropertyTest {

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 60).boxed();
  }

  private static Budget budget(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return BudgetGenerator.generate(seed, new BudgetGenerator.Size(
        10 + r.nextInt(300), 1 + r.nextInt(6), 1 + r.nextInt(40), 1 + r.nextInt(4), 2 + r.nextInt(5), 1 + r.nextInt(4)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyYearBalances(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    for (int year : b.version().years()) {
      assertThat(c.cents("tabel-1/new.saldo/" + year)).as("seed %d year %d", seed, year).isZero();
      assertThat(c.cents("tabel-1/change.lasten/" + year)).as("seed %d", seed).isEqualTo(c.cents("tabel-1/change.baten/" + year));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPrintedTableFoots(long seed) {
    var c = TestBudgets.compute(budget(seed));
    List<String> problems = new ArrayList<>();
    Invariants.checkFooting(c, problems);
    assertThat(c.printed().notes()).as("seed %d: controlled rounding found for every table", seed).isEmpty();
    assertThat(problems).as("seed %d", seed).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void allocationsAddUpExactly(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    AnnexFigures annex = c.document().computation().annex();
    for (int col = 0; col < annex.columnCount(); col++) {
      for (int y = 0; y < b.version().years().size(); y++) {
        long sum = 0;
        for (int m = 0; m < b.members().size(); m++) {
          sum += annex.member(col, y, m);
        }
        assertThat(sum).as("seed %d column %d year %d", seed, col, y).isEqualTo(annex.toDistribute(col, y));
      }
    }
    // the columns together are the balancing item: what the members pay more
    for (int year : b.version().years()) {
      assertThat(c.cents("bijlage-1-" + year + "/totaal/total")).as("seed %d", seed).isEqualTo(c.cents("programme-" + b.programmes().get(b.programmes().size() - 2).id() + "/balancing/" + year));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void transfersAreNeutral(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    for (int y = 0; y < b.version().years().size(); y++) {
      final int yearIndex = y;
      long net = 0;
      for (Proposal p : b.proposals()) {
        if (p.rule() == Proposal.Rule.TRANSFER) {
          net += (p.side() == Side.LASTEN ? 1 : -1) * c.document().computation().line(b.proposals().indexOf(p)).cents(y);
        }
      }
      assertThat(net).as("seed %d", seed).isZero();
      long legs = b.transfers().stream().flatMap(t -> t.legs().stream()).mapToLong(l -> l.amounts().cents(yearIndex)).sum();
      assertThat(legs).as("seed %d", seed).isZero();
    }
    assertThat(b.transfers()).extracting(Transfer::legs).allSatisfy(legs -> assertThat(legs).hasSize(2));
  }

  /** Tabel 1's change in lasten, recomputed here straight from the proposals, without the engine. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void changeInLastenIsTheSumOfAllLastenLines(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    for (int y = 0; y < b.version().years().size(); y++) {
      long lasten = 0;
      for (Proposal p : b.proposals()) {
        if (p.side() == Side.LASTEN && p.rule() == Proposal.Rule.ENTERED) {
          lasten += p.amounts().cents(y);
        }
      }
      // transfer lines net to zero and the other computed lines are baten
      assertThat(c.cents("tabel-1/change.lasten/" + b.version().years().get(y))).as("seed %d", seed).isEqualTo(lasten);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void explainsArithmeticReproducesItsFigure(long seed) {
    var c = TestBudgets.compute(budget(seed));
    Explainer explainer = new Explainer(c.document(), c.printed());
    List<Figure> figures = new ArrayList<>(c.document().graph().all());
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 40; i++) {
      Figure f = figures.get(r.nextInt(figures.size()));
      Explanation e = explainer.explain(f);
      assertThat(e.arithmeticHolds()).as("seed %d figure %s", seed, f.id()).isTrue();
      assertThat(e.figure().cents()).isEqualTo(f.cents());
    }
  }
}
