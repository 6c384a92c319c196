package nl.begroot.core.engine;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
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

  @Test
  void aBudgetLargeEnoughToSplitThePassComputesAsBefore() {
    Budget b = BudgetGenerator.generate(7, new BudgetGenerator.Size(120_000, 10, 30, 4, 6, 3));
    Cells cells = Cells.of(b);
    org.assertj.core.api.Assertions.assertThat(cells.cellCount()).isGreaterThanOrEqualTo(Engine.PARALLEL_CELLS);
    Same.figures(Engine.compute(cells), RowEngine.compute(b), "parallel");
  }
}
