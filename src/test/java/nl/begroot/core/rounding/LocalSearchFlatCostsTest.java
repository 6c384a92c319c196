package nl.begroot.core.rounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The local search keeps each variable's two costs in one flat array (decision 265). On random problems, small
 * ones and ones with a constraint over more than {@link LocalSearch#LARGE} variables (its other path), it finds
 * exactly what it found with an array per variable ({@link LocalSearchBefore265}, the code before the change).
 * The problems are drawn so that the search has work to do: a preferred rounding that breaks constraints.
 */
class LocalSearchFlatCostsTest {
  @Test
  void theSameValuesAsWithAnArrayPerVariable() {
    int moved = 0;
    int none = 0;
    for (int seed = 1; seed <= 400; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      boolean large = seed % 10 == 0;
      int n = large ? 1_100 + random.nextInt(600) : 4 + random.nextInt(40);
      long[][] leafCost = new long[n][];
      int[] preferred = new int[n];
      for (int v = 0; v < n; v++) {
        leafCost[v] = new long[] {random.nextInt(1_000), random.nextInt(1_000)};
        preferred[v] = leafCost[v][1] < leafCost[v][0] ? 1 : 0;
      }
      int[] target = new int[n]; // a rounding that meets every constraint, so that one exists
      for (int v = 0; v < n; v++) {
        target[v] = random.nextInt(4) == 0 ? 1 - preferred[v] : preferred[v];
      }
      ZeroOneProblem problem = new ZeroOneProblem(preferred);
      int m = 1 + random.nextInt(large ? 40 : 12);
      long[][] totalCost = new long[m][];
      for (int j = 0; j < m; j++) {
        int size = j == 0 && large ? n : 1 + random.nextInt(Math.min(n, large ? 200 : 10));
        int[] vs = new int[size];
        int[] cs = new int[size];
        int start = random.nextInt(n - size + 1);
        long atTarget = 0;
        for (int k = 0; k < size; k++) {
          vs[k] = start + k;
          cs[k] = random.nextInt(5) == 0 ? -1 : 1;
          atTarget += (long) cs[k] * target[vs[k]];
        }
        // bounds met by the target, usually not by the preferred values: variables must flip
        long lo = atTarget - random.nextInt(2);
        long hi = lo == atTarget ? lo + random.nextInt(2) : atTarget; // hi - lo at most 1, as a total's
        problem.constrain(vs, cs, lo, hi);
        totalCost[j] = new long[] {random.nextInt(1_000), random.nextInt(1_000)};
      }
      long flips = 200 + random.nextInt(5_000);
      int[] before = new LocalSearchBefore265(problem, leafCost, totalCost, flips).solve();
      int[] now = new LocalSearch(problem, OptimalSearch.flat(leafCost), totalCost, flips).solve();
      assertThat(now).as("seed %d", seed).isEqualTo(before);
      if (before == null) {
        none++;
      } else if (!java.util.Arrays.equals(before, preferred)) {
        moved++;
      }
    }
    // the draw exercises the search: most problems are solved by moving away from the preferred values. These two
    // counts record what the search did on this draw when the test was written (a rounding exists for every problem,
    // but a local search need not find it); they guard the draw, not the search, which the equality above holds
    assertThat(moved).as("problems solved away from the preferred values (none found: %d)", none).isGreaterThan(300); // 355 of 400 at the time of writing, none without a rounding
    assertThat(none).isZero();
  }
}
