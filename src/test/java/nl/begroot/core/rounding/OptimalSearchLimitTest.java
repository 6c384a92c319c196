package nl.begroot.core.rounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The branch and bound takes one step per variable it assigns, so a group with more variables than
 * steps ends without a rounding and unproven, having spent its steps and one more, which is what the
 * document's later groups are charged for it; a constraint that cannot be met on its own proves at
 * once that there is none, and clashing constraints prove it within a few steps (decision 258, withdrawn).
 */
class OptimalSearchLimitTest {
  /** n variables, each cheaper rounded down; one total over all of them within [lo, hi]. */
  private static OptimalSearch group(int n, long lo, long hi, long stepLimit) {
    long[][] leafCost = new long[n][];
    int[] vars = new int[n];
    int[] coefs = new int[n];
    for (int v = 0; v < n; v++) {
      leafCost[v] = new long[] {1, 2};
      vars[v] = v;
      coefs[v] = 1;
    }
    List<int[]> allVars = new ArrayList<>(List.of(vars));
    List<int[]> allCoefs = new ArrayList<>(List.of(coefs));
    return new OptimalSearch(leafCost, allVars, allCoefs, List.of(new long[] {lo, hi}), List.of(new long[] {0, 0}), stepLimit);
  }

  @Test
  void aGroupWithMoreVariablesThanStepsEndsUnprovenHavingSpentItsSteps() {
    OptimalSearch search = group(10, 3, 4, 9);
    OptimalSearch.Result result = search.solve();
    assertThat(result.values()).isNull();
    assertThat(result.proven()).isFalse();
    assertThat(search.steps()).isEqualTo(10); // the limit of 9, and the step that found it spent
  }

  @Test
  void withOneStepMoreThanVariablesTheSameGroupIsRounded() {
    // the first dive, every part down (the cheaper way), meets a total of 0 or 1 up: one step a part
    OptimalSearch search = group(10, 0, 1, 10);
    OptimalSearch.Result result = search.solve();
    assertThat(result.values()).containsOnly(0).hasSize(10);
    assertThat(result.proven()).isFalse(); // the step after it is over the limit
  }

  @Test
  void withAsManyStepsAsVariablesTheLastVariableOfTheOrderIsAssigned() {
    // the last part is cheaper rounded up, the others down; the total must be exactly 1 up: the first dive,
    // one step a part, ends on the last part's cheaper value (the search orders and indexes only the parts its
    // steps can reach, decision 264: all ten here, none left out)
    long[][] leafCost = new long[10][];
    int[] all = new int[10];
    int[] ones = new int[10];
    for (int v = 0; v < 10; v++) {
      leafCost[v] = v == 9 ? new long[] {2, 1} : new long[] {1, 2};
      all[v] = v;
      ones[v] = 1;
    }
    OptimalSearch search = new OptimalSearch(leafCost, List.of(all), List.of(ones), List.of(new long[] {1, 1}),
        List.of(new long[] {0, 0}), 10);
    OptimalSearch.Result result = search.solve();
    assertThat(result.values()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(result.cost()).isEqualTo(9 * 1 + 1);
    assertThat(result.proven()).isFalse(); // the step after the dive is over the limit
    assertThat(search.steps()).isEqualTo(11); // ten steps down, and the one over the limit
  }

  @Test
  void clashingTotalsAreProvenImpossibleInAFewStepsEvenWithMoreVariablesThanSteps() {
    // ten parts, each rounded down or up; the first two must add up to 2 and also to 0: no rounding meets both,
    // and the search (smallest constraints first) runs out of branches after the first part, long before its limit
    long[][] leafCost = new long[10][];
    for (int v = 0; v < 10; v++) {
      leafCost[v] = new long[] {1, 2};
    }
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    OptimalSearch search = new OptimalSearch(leafCost,
        List.of(new int[] {0, 1}, new int[] {0, 1}, all), List.of(new int[] {1, 1}, new int[] {1, 1}, ones),
        List.of(new long[] {2, 2}, new long[] {0, 0}, new long[] {0, 10}), List.of(new long[] {0, 0}, new long[] {0, 0}, new long[] {0, 0}), 5);
    OptimalSearch.Result result = search.solve();
    assertThat(result.values()).isNull();
    assertThat(result.proven()).isTrue();
    assertThat(search.steps()).isLessThanOrEqualTo(5);
  }

  @Test
  void aTotalThatNoRoundingReachesIsProvenImpossibleWhateverTheSteps() {
    // ten parts rounded up or down add up to 0..10 above their floors: 11 is out of reach
    OptimalSearch search = group(10, 11, 11, 5);
    OptimalSearch.Result result = search.solve();
    assertThat(result.values()).isNull();
    assertThat(result.proven()).isTrue();
    assertThat(search.steps()).isZero();
  }
}
