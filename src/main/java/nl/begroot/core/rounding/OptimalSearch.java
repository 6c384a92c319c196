package nl.begroot.core.rounding;

import java.util.Arrays;
import java.util.List;

/**
 * Branch and bound for the least-cost 0/1 rounding of one group of figures.
 *
 * <p>Each variable {@code d[v]} says whether a leaf is printed rounded down (0) or up (1); it costs
 * {@code leafCost[2v + d]} (not negative). Each
 * constraint {@code lo <= sum coef * d <= hi} (with {@code hi - lo <= 1}) is a printed total or an
 * equality; a total costs {@code costAtLo} when its sum is {@code lo} and {@code costAtHi} when it is
 * {@code hi}. The search is depth first, cheaper value first, and prunes a branch when it cannot be
 * completed within the bounds or when a lower bound of its cost (the cost so far, plus for every
 * open variable and every open constraint the cheapest value it can still take) is not below the best
 * solution found. When it finishes within its step limit the solution it returns is a least-cost one
 * ({@link Result#proven()}); otherwise it returns the best it found, or none. A group with more
 * variables than steps cannot be completed (one step a variable); it may still run out of branches first
 * and so prove there is none (decision 258, withdrawn). {@link ControlledRounding} skips such a search when
 * the local search finds a footing rounding, and searches it when not (decision 272).
 */
final class OptimalSearch {
  private final int n;
  private final int m;
  private final long[] leafCost; // [2 * v + d]: variable v's cost at d (decision 265: no array per variable)
  private final int[][] vars;
  private final int[][] coefs;
  private final long[] lo;
  private final long[] hi;
  private final long[] costAtLo;
  private final long[] costAtHi;
  private final long stepLimit;

  /** The outcome: the values found (null when none), and whether they are proven least-cost. */
  record Result(int[] values, long cost, boolean proven) {}

  OptimalSearch(long[][] leafCost, List<int[]> vars, List<int[]> coefs, List<long[]> bounds,
      List<long[]> totalCosts, long stepLimit) {
    this(flat(leafCost), vars, coefs, bounds, totalCosts, stepLimit);
  }

  /** As above, with the costs of variable v at 0 and 1 at {@code 2v} and {@code 2v + 1} of one array. */
  OptimalSearch(long[] leafCost, List<int[]> vars, List<int[]> coefs, List<long[]> bounds,
      List<long[]> totalCosts, long stepLimit) {
    this.n = leafCost.length / 2;
    this.m = vars.size();
    this.leafCost = leafCost;
    this.vars = vars.toArray(new int[0][]);
    this.coefs = coefs.toArray(new int[0][]);
    this.lo = new long[m];
    this.hi = new long[m];
    this.costAtLo = new long[m];
    this.costAtHi = new long[m];
    for (int j = 0; j < m; j++) {
      lo[j] = bounds.get(j)[0];
      hi[j] = bounds.get(j)[1];
      costAtLo[j] = totalCosts.get(j)[0];
      costAtHi[j] = totalCosts.get(j)[1];
    }
    this.stepLimit = stepLimit;
  }

  // search state
  private long[] cur;
  private long[] pos;
  private long[] neg;
  private int[] open; // open variables per constraint
  /*
   * Per variable v the constraints it is in and its coefficients there: useC and useK from useStart[v] to
   * useStart[v + 1] (one pair of arrays for the group, not two per variable: a large group has 10^5 of them).
   */
  private int[] useStart;
  private int[] useC;
  private int[] useK;
  private long steps;

  Result solve() {
    cur = new long[m];
    pos = new long[m];
    neg = new long[m];
    open = new int[m];
    for (int j = 0; j < m; j++) {
      for (int coef : coefs[j]) {
        if (coef > 0) {
          pos[j] += coef;
        } else {
          neg[j] += coef;
        }
      }
      open[j] = vars[j].length;
    }
    for (int j = 0; j < m; j++) {
      if (!feasible(j)) {
        return new Result(null, 0, true);
      }
    }
    // a step assigns at most one variable, so the search reaches at most the first stepLimit of the order; a
    // group with more variables than steps orders and indexes only those (decision 264: the rest is never read)
    int reach = (int) Math.min(n, Math.max(0, stepLimit));
    int[] order = order(reach);
    boolean[] reachable = new boolean[n];
    for (int d = 0; d < reach; d++) {
      reachable[order[d]] = true;
    }
    useStart = new int[n + 1];
    for (int[] vs : vars) {
      for (int v : vs) {
        if (reachable[v]) {
          useStart[v + 1]++;
        }
      }
    }
    for (int v = 0; v < n; v++) {
      useStart[v + 1] += useStart[v];
    }
    useC = new int[useStart[n]];
    useK = new int[useStart[n]];
    int[] fill = Arrays.copyOf(useStart, n);
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < vars[j].length; k++) {
        if (reachable[vars[j][k]]) {
          int at = fill[vars[j][k]]++;
          useC[at] = j;
          useK[at] = coefs[j][k];
        }
      }
    }
    // lower bound of what is still open: cheapest value of each open variable and constraint
    long openBound = 0;
    for (int v = 0; v < n; v++) {
      openBound += Math.min(leafCost[2 * v], leafCost[2 * v + 1]);
    }
    for (int j = 0; j < m; j++) {
      openBound += cheapest(j);
    }
    int[] value = new int[n];
    int[] best = null;
    long bestCost = Long.MAX_VALUE;
    int[] tried = new int[n + 1];
    boolean[] assigned = new boolean[n + 1];
    long[] fixedAt = new long[n + 1]; // cost fixed before assigning depth d
    long[] boundAt = new long[n + 1]; // open bound before assigning depth d
    int depth = 0;
    fixedAt[0] = 0;
    boundAt[0] = openBound;
    boolean complete = true;
    while (depth >= 0) {
      if (depth == n) {
        if (fixedAt[n] < bestCost) {
          bestCost = fixedAt[n];
          best = value.clone();
        }
        depth--;
        continue;
      }
      if (++steps > stepLimit) {
        complete = false;
        break;
      }
      int v = order[depth];
      if (assigned[depth]) {
        unassign(v, value[v]);
        assigned[depth] = false;
      }
      if (tried[depth] == 2) {
        tried[depth] = 0;
        depth--;
        continue;
      }
      int first = leafCost[2 * v + 1] < leafCost[2 * v] ? 1 : 0;
      int candidate = tried[depth] == 0 ? first : 1 - first;
      tried[depth]++;
      value[v] = candidate;
      long before = 0;
      for (int u = useStart[v]; u < useStart[v + 1]; u++) {
        before += cheapest(useC[u]);
      }
      boolean ok = assign(v, candidate);
      assigned[depth] = true;
      if (!ok) {
        continue; // the loop unassigns and tries the other value
      }
      long after = 0;
      long closed = 0;
      for (int u = useStart[v]; u < useStart[v + 1]; u++) {
        int j = useC[u];
        if (open[j] == 0) {
          closed += cur[j] == lo[j] ? costAtLo[j] : costAtHi[j];
        } else {
          after += cheapest(j);
        }
      }
      long newFixed = fixedAt[depth] + leafCost[2 * v + candidate] + closed;
      long newBound = boundAt[depth] - Math.min(leafCost[2 * v], leafCost[2 * v + 1]) - before + after;
      if (newFixed + newBound >= bestCost) {
        continue; // cannot beat the best found
      }
      fixedAt[depth + 1] = newFixed;
      boundAt[depth + 1] = newBound;
      depth++;
    }
    return new Result(best, best == null ? 0 : bestCost, complete);
  }

  /** Per variable its costs at 0 and 1 in one array: {@code [2v]} and {@code [2v + 1]}. */
  static long[] flat(long[][] leafCost) {
    long[] flat = new long[Math.multiplyExact(2, leafCost.length)];
    for (int v = 0; v < leafCost.length; v++) {
      flat[2 * v] = leafCost[v][0];
      flat[2 * v + 1] = leafCost[v][1];
    }
    return flat;
  }

  long steps() {
    return steps;
  }

  /** The cheapest cost a constraint can still end with, given the values it can still reach. */
  private long cheapest(int j) {
    if (open[j] == 0) {
      return 0; // counted as fixed when it closed
    }
    long min = cur[j] + neg[j];
    long max = cur[j] + pos[j];
    boolean canLo = min <= lo[j] && lo[j] <= max;
    boolean canHi = min <= hi[j] && hi[j] <= max;
    if (canLo && canHi) {
      return Math.min(costAtLo[j], costAtHi[j]);
    }
    return canLo ? costAtLo[j] : canHi ? costAtHi[j] : 0;
  }

  /**
   * Variables in an order that closes constraints early: constraints from the smallest up, each
   * adding its variables not yet placed. Only the first {@code reach} entries are made (the rest 0, never read:
   * decision 264).
   */
  private int[] order(int reach) {
    // by size, then by number: the order of a stable sort by size, as one sort of longs (no boxing)
    long[] byCount = new long[m];
    for (int j = 0; j < m; j++) {
      byCount[j] = (long) vars[j].length << 32 | j;
    }
    Arrays.sort(byCount);
    boolean[] placed = new boolean[n];
    int[] order = new int[n];
    int size = 0;
    for (int c = 0; c < m && size < reach; c++) {
      for (int v : vars[(int) byCount[c]]) {
        if (!placed[v]) {
          placed[v] = true;
          order[size++] = v;
          if (size == reach) {
            return order;
          }
        }
      }
    }
    for (int v = 0; v < n && size < reach; v++) {
      if (!placed[v]) {
        order[size++] = v;
      }
    }
    return order;
  }

  private boolean feasible(int j) {
    return cur[j] + neg[j] <= hi[j] && cur[j] + pos[j] >= lo[j];
  }

  private boolean assign(int v, int val) {
    boolean ok = true;
    for (int u = useStart[v]; u < useStart[v + 1]; u++) {
      int j = useC[u];
      int coef = useK[u];
      if (coef > 0) {
        pos[j] -= coef;
      } else {
        neg[j] -= coef;
      }
      cur[j] += (long) coef * val;
      open[j]--;
      ok &= feasible(j);
    }
    return ok;
  }

  private void unassign(int v, int val) {
    for (int u = useStart[v]; u < useStart[v + 1]; u++) {
      int j = useC[u];
      int coef = useK[u];
      if (coef > 0) {
        pos[j] += coef;
      } else {
        neg[j] += coef;
      }
      cur[j] -= (long) coef * val;
      open[j]++;
    }
  }
}
