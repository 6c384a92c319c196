package nl.begroot.core.engine;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.format.LoadResult;
import nl.begroot.format.BudgetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The columnar engine against the row-by-row engine it replaced ({@link RowEngine}, kept in the
 * tests): every figure of the IPO budget and of seeded-random budgets the same, to the cent. The
 * golden files and PropertyTest (against an independent recomputation) hold it to the domain too.
 */
class ColumnarEngineTest {
  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 80).boxed();
  }

  static Budget budget(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return BudgetGenerator.generate(seed, new BudgetGenerator.Size(
        10 + r.nextInt(400), 1 + r.nextInt(10), 1 + r.nextInt(60), 1 + r.nextInt(5), 2 + r.nextInt(6), 1 + r.nextInt(4)));
  }

  @Test
  void theIpoBudgetComputesAsBefore() {
    Budget ipo = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
    Same.figures(Engine.compute(ipo), RowEngine.compute(ipo), "IPO");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedBudgetsComputeAsBefore(long seed) {
    Budget b = budget(seed);
    Same.figures(Engine.compute(b), RowEngine.compute(b), "seed " + seed);
  }

  /**
   * Cells beyond an int (decision 249): a seeded share of the lines get amounts past 2^31 cents either way, at
   * the edges of an int and far beyond, in the same groups as lines that fit; every figure as the row engine
   * (which holds each line's {@code long}s) computes it. Planted: the pass without the wide cells' rest fails.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cellsBeyondAnIntComputeAsBefore(long seed) {
    Budget b = budget(seed);
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    long[] edges = {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, 1L << 32, -(1L << 32),
        (1L << 32) + 1, 3_000_000_000_00L, -7_123_456_789_01L, 99_999_999_999_999L, -99_999_999_999_999L};
    int widened = 0;
    java.util.List<Proposal> lines = new java.util.ArrayList<>();
    for (Proposal p : b.proposals()) {
      Amounts a = p.amounts();
      if (a != null && r.nextInt(4) == 0) {
        Amounts.Builder wide = a.toBuilder();
        for (int y = 0; y < a.size(); y++) {
          if (a.kind(y) == Amounts.Kind.AMOUNT && r.nextBoolean()) {
            wide.amount(y, edges[r.nextInt(edges.length)]);
            widened++;
          }
        }
        p = new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), wide.build(), p.rule(),
            p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown() == null ? null : scaled(p.breakdown(), wide.build()),
            p.explanation());
      }
      lines.add(p);
    }
    Budget wide = b.withProposals(lines);
    if (widened > 0) {
      org.assertj.core.api.Assertions.assertThat(Cells.of(wide).wideAt).as("cells held beyond an int").isNotEmpty();
    }
    Same.figures(Engine.compute(wide), RowEngine.compute(wide), "seed " + seed + " wide");
  }

  /** A breakdown whose components add up to the line's new amounts (the validator asks that): all in the first. */
  private static Breakdown scaled(Breakdown breakdown, Amounts line) {
    java.util.List<Breakdown.Component> parts = new java.util.ArrayList<>();
    for (int i = 0; i < breakdown.components().size(); i++) {
      Breakdown.Component c = breakdown.components().get(i);
      Amounts.Builder part = Amounts.builder(line.size());
      for (int y = 0; y < line.size(); y++) {
        if (line.kind(y) == Amounts.Kind.AMOUNT) {
          part.amount(y, i == 0 ? line.cents(y) : 0);
        }
      }
      parts.add(new Breakdown.Component(c.id(), c.title(), c.nature(), part.build()));
    }
    return new Breakdown(breakdown.title(), breakdown.showNegated(), breakdown.inEuros(), parts);
  }

  @Test
  void aBudgetLargeEnoughToSplitThePassComputesAsBefore() {
    Budget b = BudgetGenerator.generate(7, new BudgetGenerator.Size(120_000, 10, 30, 4, 6, 3));
    Cells cells = Cells.of(b);
    org.assertj.core.api.Assertions.assertThat(cells.cellCount()).isGreaterThanOrEqualTo(Engine.PARALLEL_CELLS);
    Same.figures(Engine.compute(cells), RowEngine.compute(b), "parallel");
  }
}
