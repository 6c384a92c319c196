package nl.begroot.core.rounding;

import java.util.ArrayList;
import java.util.List;

/**
 * A 0/1 problem: find {@code d[v]} in {0, 1} such that for every constraint {@code lo <= sum coef *
 * d <= hi}, each variable preferring a given value. Shared by the exhaustive and the local search.
 */
final class ZeroOneProblem {
  final int[] preferred;
  final List<int[]> vars = new ArrayList<>();
  final List<int[]> coefs = new ArrayList<>();
  final List<long[]> bounds = new ArrayList<>();

  ZeroOneProblem(int[] preferred) {
    this.preferred = preferred.clone();
  }

  void constrain(int[] vs, int[] cs, long lo, long hi) {
    vars.add(vs);
    coefs.add(cs);
    bounds.add(new long[] {lo, hi});
  }

  /** For each variable, the constraints it appears in as {constraint, coefficient}. */
  List<List<int[]>> uses() {
    List<List<int[]>> byVar = new ArrayList<>();
    for (int v = 0; v < preferred.length; v++) {
      byVar.add(new ArrayList<>());
    }
    for (int j = 0; j < vars.size(); j++) {
      for (int k = 0; k < vars.get(j).length; k++) {
        byVar.get(vars.get(j)[k]).add(new int[] {j, coefs.get(j)[k]});
      }
    }
    return byVar;
  }

  /** Whether {@code values} (one per variable) meet every constraint. */
  boolean metBy(int[] values) {
    for (int j = 0; j < vars.size(); j++) {
      int[] vs = vars.get(j);
      int[] cs = coefs.get(j);
      long sum = 0;
      for (int k = 0; k < vs.length; k++) {
        sum += (long) cs[k] * values[vs[k]];
      }
      if (violation(j, sum) != 0) {
        return false;
      }
    }
    return true;
  }

  /** How far a constraint's sum lies outside its bounds (0 when met). */
  long violation(int j, long sum) {
    long[] b = bounds.get(j);
    return sum < b[0] ? b[0] - sum : sum > b[1] ? sum - b[1] : 0;
  }
}
