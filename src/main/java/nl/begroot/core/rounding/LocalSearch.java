package nl.begroot.core.rounding;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A local search for any footing rounding of a group whose branch and bound ({@link OptimalSearch})
 * found none within its steps: start from each variable's preferred value; while some constraint is violated, take
 * one (chosen at random) and flip the variable of it that lowers the total violation most, now and
 * then a random one of it to get out of a dead end (WalkSAT). Deterministic for a given seed.
 */
final class LocalSearch {
  private final ZeroOneProblem problem;
  private final int[] preferred;
  private final List<int[]> vars;
  private final List<int[]> coefs;
  private final long flipLimit;

  LocalSearch(ZeroOneProblem problem, long flipLimit) {
    this.problem = problem;
    this.preferred = problem.preferred;
    this.vars = problem.vars;
    this.coefs = problem.coefs;
    this.flipLimit = flipLimit;
  }

  int[] solve() {
    int n = preferred.length;
    int m = vars.size();
    // flat arrays (decision 195): per variable its constraints and coefficients, in the order of
    // ZeroOneProblem.uses() (by constraint, then by term), and the bounds as two arrays
    int[][] cVars = vars.toArray(new int[0][]);
    int[][] cCoefs = coefs.toArray(new int[0][]);
    long[] lo = new long[m];
    long[] hi = new long[m];
    for (int j = 0; j < m; j++) {
      long[] b = problem.bounds.get(j);
      lo[j] = b[0];
      hi[j] = b[1];
    }
    int[] useStart = new int[n + 1];
    for (int[] vs : cVars) {
      for (int v : vs) {
        useStart[v + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      useStart[v + 1] += useStart[v];
    }
    int[] useC = new int[useStart[n]];
    long[] useK = new long[useStart[n]];
    int[] fill = useStart.clone();
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < cVars[j].length; k++) {
        int at = fill[cVars[j][k]]++;
        useC[at] = j;
        useK[at] = cCoefs[j][k];
      }
    }
    int[] value = preferred.clone();
    long[] sum = new long[m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < cVars[j].length; k++) {
        sum[j] += (long) cCoefs[j][k] * value[cVars[j][k]];
      }
    }
    // violated constraints, kept in a list with positions for O(1) updates
    int[] position = new int[m];
    int[] violated = new int[m];
    int count = 0;
    for (int j = 0; j < m; j++) {
      position[j] = -1;
      if (violation(lo[j], hi[j], sum[j]) > 0) {
        position[j] = count;
        violated[count++] = j;
      }
    }
    SplittableRandom random = new SplittableRandom(n * 31L + m);
    for (long flip = 0; flip < flipLimit && count > 0; flip++) {
      int j = violated[random.nextInt(count)];
      int[] candidates = cVars[j];
      int chosen;
      if (random.nextInt(100) < 15) {
        chosen = candidates[random.nextInt(candidates.length)];
      } else {
        chosen = candidates[0];
        long best = Long.MAX_VALUE;
        for (int v : candidates) {
          long delta = 0;
          long step = value[v] == 0 ? 1 : -1;
          for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
            int c = useC[u];
            long s = sum[c];
            delta += violation(lo[c], hi[c], s + useK[u] * step) - violation(lo[c], hi[c], s);
          }
          if (delta < best || delta == best && random.nextBoolean()) {
            best = delta;
            chosen = v;
          }
        }
      }
      int step = value[chosen] == 0 ? 1 : -1;
      value[chosen] += step;
      for (int u = useStart[chosen], end = useStart[chosen + 1]; u < end; u++) {
        int c = useC[u];
        sum[c] += useK[u] * step;
        boolean bad = violation(lo[c], hi[c], sum[c]) > 0;
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
        for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
          int c = useC[u];
          keeps &= violation(lo[c], hi[c], sum[c] + useK[u] * step) == 0;
        }
        if (keeps) {
          value[v] = preferred[v];
          for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
            sum[useC[u]] += useK[u] * step;
          }
          improved = true;
        }
      }
    }
    return value;
  }

  /** How far a sum lies outside {@code [lo, hi]} (0 when within); as {@link ZeroOneProblem#violation}. */
  private static long violation(long lo, long hi, long sum) {
    return sum < lo ? lo - sum : sum > hi ? sum - hi : 0;
  }
}
