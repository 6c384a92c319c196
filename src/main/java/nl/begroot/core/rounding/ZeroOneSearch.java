package nl.begroot.core.rounding;

import java.util.Arrays;
import java.util.List;

/**
 * A small exact search for 0/1 values {@code d[v]} such that for every constraint {@code lo <= sum
 * coef * d <= hi}: depth-first with bound checks, trying each variable's preferred value first, and
 * giving up after a fixed number of steps (the caller then says that no solution was found).
 */
final class ZeroOneSearch {
  private final ZeroOneProblem problem;
  private final int vars;
  private final int[] preferred;
  private long steps;
  private final long stepLimit;

  ZeroOneSearch(ZeroOneProblem problem, long stepLimit) {
    this.problem = problem;
    this.vars = problem.variables();
    this.preferred = problem.preferred;
    this.stepLimit = stepLimit;
  }

  /** A solution, or null when none was found within the step limit. */
  int[] solve() {
    int m = problem.constraints();
    long[] cur = new long[m];
    long[] pos = new long[m];
    long[] neg = new long[m];
    List<List<int[]>> byVar = problem.uses();
    for (int j = 0; j < m; j++) {
      int[] cs = problem.coefs.get(j);
      for (int k = 0; k < cs.length; k++) {
        if (cs[k] > 0) {
          pos[j] += cs[k];
        } else {
          neg[j] += cs[k];
        }
      }
    }
    for (int j = 0; j < m; j++) {
      if (!feasible(j, cur, pos, neg)) {
        return null;
      }
    }
    Integer[] order = new Integer[vars];
    for (int v = 0; v < vars; v++) {
      order[v] = v;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(byVar.get(b).size(), byVar.get(a).size()));
    int[] value = new int[vars];
    int[] tried = new int[vars]; // 0: none, 1: preferred tried, 2: both tried
    int depth = 0;
    while (depth >= 0) {
      if (depth == vars) {
        return value;
      }
      if (++steps > stepLimit) {
        return null;
      }
      int v = order[depth];
      if (tried[depth] > 0) {
        unassign(v, value[v], byVar.get(v), cur, pos, neg);
      }
      if (tried[depth] == 2) {
        tried[depth] = 0;
        depth--;
        continue;
      }
      int candidate = tried[depth] == 0 ? preferred[v] : 1 - preferred[v];
      tried[depth]++;
      value[v] = candidate;
      if (assign(v, candidate, byVar.get(v), cur, pos, neg)) {
        depth++;
      }
      // otherwise stay at this depth: the loop unassigns and tries the other value
    }
    return null;
  }

  private boolean feasible(int j, long[] cur, long[] pos, long[] neg) {
    long[] b = problem.bounds.get(j);
    return cur[j] + neg[j] <= b[1] && cur[j] + pos[j] >= b[0];
  }

  private boolean assign(int v, int val, List<int[]> uses, long[] cur, long[] pos, long[] neg) {
    boolean ok = true;
    for (int[] use : uses) {
      int j = use[0];
      int coef = use[1];
      if (coef > 0) {
        pos[j] -= coef;
      } else {
        neg[j] -= coef;
      }
      cur[j] += (long) coef * val;
      ok &= feasible(j, cur, pos, neg);
    }
    return ok;
  }

  private void unassign(int v, int val, List<int[]> uses, long[] cur, long[] pos, long[] neg) {
    for (int[] use : uses) {
      int j = use[0];
      int coef = use[1];
      if (coef > 0) {
        pos[j] += coef;
      } else {
        neg[j] += coef;
      }
      cur[j] -= (long) coef * val;
    }
  }
}
