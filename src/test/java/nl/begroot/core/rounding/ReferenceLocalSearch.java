package nl.begroot.core.rounding;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A local search for any footing rounding of a group whose branch and bound ({@link OptimalSearch})
 * found none within its steps: start from each variable's preferred value; while some constraint is violated, take
 * one (chosen at random) and flip the variable of it that lowers the total violation most, now and
 * then a random one of it to get out of a dead end (WalkSAT). Deterministic for a given seed.
 */
final class ReferenceLocalSearch {
  private final ZeroOneProblem problem;
  private final int[] preferred;
  private final List<int[]> vars;
  private final List<int[]> coefs;
  private final long flipLimit;

  ReferenceLocalSearch(ZeroOneProblem problem, long flipLimit) {
    this.problem = problem;
    this.preferred = problem.preferred;
    this.vars = problem.vars;
    this.coefs = problem.coefs;
    this.flipLimit = flipLimit;
  }

  int[] solve() {
    int n = preferred.length;
    int m = vars.size();
    List<List<int[]>> byVar = problem.uses();
    int[] value = preferred.clone();
    long[] sum = new long[m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < vars.get(j).length; k++) {
        sum[j] += (long) coefs.get(j)[k] * value[vars.get(j)[k]];
      }
    }
    // violated constraints, kept in a list with positions for O(1) updates
    int[] position = new int[m];
    int[] violated = new int[m];
    int count = 0;
    for (int j = 0; j < m; j++) {
      position[j] = -1;
      if (problem.violation(j, sum[j]) > 0) {
        position[j] = count;
        violated[count++] = j;
      }
    }
    SplittableRandom random = new SplittableRandom(n * 31L + m);
    for (long flip = 0; flip < flipLimit && count > 0; flip++) {
      int j = violated[random.nextInt(count)];
      int[] candidates = vars.get(j);
      int chosen;
      if (random.nextInt(100) < 15) {
        chosen = candidates[random.nextInt(candidates.length)];
      } else {
        chosen = candidates[0];
        long best = Long.MAX_VALUE;
        for (int v : candidates) {
          long delta = 0;
          int step = value[v] == 0 ? 1 : -1;
          for (int[] use : byVar.get(v)) {
            long s = sum[use[0]];
            delta += problem.violation(use[0], s + (long) use[1] * step) - problem.violation(use[0], s);
          }
          if (delta < best || delta == best && random.nextBoolean()) {
            best = delta;
            chosen = v;
          }
        }
      }
      int step = value[chosen] == 0 ? 1 : -1;
      value[chosen] += step;
      for (int[] use : byVar.get(chosen)) {
        int c = use[0];
        sum[c] += (long) use[1] * step;
        boolean bad = problem.violation(c, sum[c]) > 0;
        if (bad && position[c] < 0) {
          position[c] = count;
          violated[count++] = c;
        } else if (!bad && position[c] >= 0) {
          int last = violated[--count];
          violated[position[c]] = last;
          position[last] = position[c];
          position[c] = -1;
        }
      }
    }
    if (count > 0) {
      return null;
    }
    // polish: put back every variable whose preferred value keeps all its constraints met
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int v = 0; v < n; v++) {
        if (value[v] == preferred[v]) {
          continue;
        }
        int step = preferred[v] - value[v];
        boolean keeps = true;
        for (int[] use : byVar.get(v)) {
          keeps &= problem.violation(use[0], sum[use[0]] + (long) use[1] * step) == 0;
        }
        if (keeps) {
          value[v] = preferred[v];
          for (int[] use : byVar.get(v)) {
            sum[use[0]] += (long) use[1] * step;
          }
          improved = true;
        }
      }
    }
    return value;
  }
}
