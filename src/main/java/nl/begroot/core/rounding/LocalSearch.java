package nl.begroot.core.rounding;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A local search for a footing rounding of a group whose branch and bound ({@link OptimalSearch})
 * found none within its steps (decision 224). What follows holds for a {@link #LARGE} group; a
 * smaller one is searched as before that decision (every variable of a violated constraint weighed,
 * then the old polish), so it prints exactly what it printed before.
 *
 * <p>First any footing rounding, by WalkSAT: start from each variable's preferred value; while some
 * constraint is violated, take one (chosen at random) and flip, of at most {@link #SAMPLE} of its
 * variables that move its sum towards its bounds (drawn at random when it has more), the one that
 * lowers the total violation most, now and then a random one of it to get out of a dead end. Weighing
 * a sample instead of every variable of a violated total keeps a flip's cost bounded (a programme
 * total has tens of thousands of lines at 10^6 cells; weighing them all made the search quadratic).
 *
 * <p>Then, keeping every constraint met, it lowers the rounding's cost (each variable's cost at each
 * value and each constraint's cost at its lower and upper bound, {@link ControlledRounding.Cost}): it
 * flips a variable alone where that costs less, and otherwise moves a rounding from a variable not at
 * its cheaper value to another of one of its constraints of at most {@link #SAMPLE} variables (flips
 * the two together) where that costs less, until a pass over
 * the variables finds nothing to lower or {@link #PASSES} passes are done.
 *
 * <p>Deterministic: the random draws come from a generator seeded by the problem's size, and nothing
 * depends on timing or threads.
 */
final class LocalSearch {
  /** The most variables of a violated constraint weighed for one flip, and of a constraint tried as the partner of a move. */
  static final int SAMPLE = 64;
  /** The most passes of the cost-lowering moves. */
  static final int PASSES = 20;
  /**
   * A group is large when one of its constraints has more variables than this; only a large group
   * is searched with samples and then lowered in cost. A smaller one is searched as before decision
   * 224 (every variable of a violated constraint weighed, then each variable put back to its
   * preferred value where all its constraints stay met), so it prints exactly what it printed before.
   */
  static final int LARGE = 1_000;

  /** Whether a group of these constraints' variables is {@link #LARGE}: one constraint has more variables than that. */
  static boolean large(List<int[]> vars) {
    for (int[] vs : vars) {
      if (vs.length > LARGE) {
        return true;
      }
    }
    return false;
  }

  private final ZeroOneProblem problem;
  private final int[] preferred;
  private final List<int[]> vars;
  private final List<int[]> coefs;
  private final long[] leafCost; // [2 * v + d]
  private final long[][] totalCost;
  private final long flipLimit;

  // the problem as flat arrays: per variable its constraints and coefficients; bounds as two arrays
  private int n;
  private int m;
  private int[][] cVars;
  private int[][] cCoefs;
  private long[] lo;
  private long[] hi;
  private int[] useStart;
  private int[] useC;
  private int[] useK; // the coefficients (int, as given: 4 bytes an entry, 18 million entries at 10^6 cells)
  private int[] value;
  private long[] sum;
  private boolean large;

  /**
   * @param leafCost per variable its cost at 0 and at 1
   * @param totalCost per constraint its cost with its sum at its lower and at its upper bound
   */
  LocalSearch(ZeroOneProblem problem, long[][] leafCost, long[][] totalCost, long flipLimit) {
    this(problem, OptimalSearch.flat(leafCost), totalCost, flipLimit);
  }

  /** As above, with the costs of variable v at 0 and 1 at {@code 2v} and {@code 2v + 1} of one array (decision 265). */
  LocalSearch(ZeroOneProblem problem, long[] leafCost, long[][] totalCost, long flipLimit) {
    this.problem = problem;
    this.preferred = problem.preferred;
    this.vars = problem.vars;
    this.coefs = problem.coefs;
    this.leafCost = leafCost;
    this.totalCost = totalCost;
    this.flipLimit = flipLimit;
  }

  int[] solve() {
    n = preferred.length;
    m = vars.size();
    cVars = vars.toArray(new int[0][]);
    cCoefs = coefs.toArray(new int[0][]);
    lo = new long[m];
    hi = new long[m];
    for (int j = 0; j < m; j++) {
      long[] b = problem.bounds.get(j);
      lo[j] = b[0];
      hi[j] = b[1];
    }
    useStart = new int[n + 1];
    for (int[] vs : cVars) {
      for (int v : vs) {
        useStart[v + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      useStart[v + 1] += useStart[v];
    }
    useC = new int[useStart[n]];
    useK = new int[useStart[n]];
    int[] fill = useStart.clone();
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < cVars[j].length; k++) {
        int at = fill[cVars[j][k]]++;
        useC[at] = j;
        useK[at] = cCoefs[j][k];
      }
    }
    value = preferred.clone();
    sum = new long[m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < cVars[j].length; k++) {
        sum[j] += (long) cCoefs[j][k] * value[cVars[j][k]];
      }
    }
    large = large(vars);
    SplittableRandom random = new SplittableRandom(n * 31L + m);
    if (!walk(random)) {
      return null;
    }
    if (large) {
      lower();
    } else {
      polish();
    }
    return value;
  }

  /** WalkSAT from the preferred values until every constraint is met; false when the flips run out first. */
  private boolean walk(SplittableRandom random) {
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
    int[] sample = new int[SAMPLE];
    for (long flip = 0; flip < flipLimit && count > 0; flip++) {
      int j = violated[random.nextInt(count)];
      int[] candidates = cVars[j];
      int chosen;
      if (random.nextInt(100) < 15) {
        chosen = candidates[random.nextInt(candidates.length)];
      } else {
        int size = candidates.length;
        boolean sampled = large && size > SAMPLE;
        if (sampled) {
          // a sample of the variables that move the sum towards the bounds
          boolean up = sum[j] < lo[j];
          size = 0;
          for (int draw = 0; draw < 4 * SAMPLE && size < SAMPLE; draw++) {
            int k = random.nextInt(candidates.length);
            int v = candidates[k];
            if ((cCoefs[j][k] > 0) == up ? value[v] == 0 : value[v] == 1) {
              sample[size++] = v;
            }
          }
          if (size == 0) {
            sample[size++] = candidates[random.nextInt(candidates.length)];
          }
        }
        chosen = -1;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
          int v = sampled ? sample[i] : candidates[i];
          long delta = 0;
          long step = value[v] == 0 ? 1 : -1;
          for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
            int c = useC[u];
            long s = sum[c];
            delta += violation(lo[c], hi[c], s + (long) useK[u] * step) - violation(lo[c], hi[c], s);
          }
          if (chosen < 0 || delta < best || delta == best && random.nextBoolean()) {
            best = delta;
            chosen = v;
          }
        }
      }
      int step = value[chosen] == 0 ? 1 : -1;
      value[chosen] += step;
      for (int u = useStart[chosen], end = useStart[chosen + 1]; u < end; u++) {
        int c = useC[u];
        sum[c] += (long) useK[u] * step;
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
    return count == 0;
  }

  /** Puts back every variable whose preferred value keeps all its constraints met (as before decision 224). */
  private void polish() {
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
          keeps &= violation(lo[c], hi[c], sum[c] + (long) useK[u] * step) == 0;
        }
        if (keeps) {
          value[v] = preferred[v];
          for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
            sum[useC[u]] += (long) useK[u] * step;
          }
          improved = true;
        }
      }
    }
  }

  /**
   * Lowers the cost while every constraint stays met: a variable flipped alone, or one not at its
   * cheaper value together with a partner from one of its constraints of at most {@link #SAMPLE}
   * variables, where that costs less; in passes over the variables until one finds nothing to lower.
   */
  private void lower() {
    for (int pass = 0; pass < PASSES; pass++) {
      boolean improved = false;
      for (int v = 0; v < n; v++) {
        if (delta(v, -1) < 0) {
          flip(v);
          improved = true;
          continue;
        }
        if (!worthAPartner(v)) {
          continue;
        }
        flip(v); // tentatively; a partner must put its constraints back within bounds
        long own = undoCostOf(v);
        int bestPartner = -1;
        long best = 0;
        for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
          int[] partners = cVars[useC[u]];
          if (partners.length > SAMPLE) {
            continue; // partners are sought in the small totals only (a row, a subtotal)
          }
          for (int w : partners) {
            if (w == v) {
              continue;
            }
            long d = delta(w, v);
            if (d != Long.MAX_VALUE) {
              d += own;
              if (d < best) {
                best = d;
                bestPartner = w;
              }
            }
          }
        }
        if (bestPartner >= 0) {
          flip(bestPartner);
          improved = true;
        } else {
          flip(v); // back
        }
      }
      if (!improved) {
        return;
      }
    }
  }

  /** Whether moving {@code v} with a partner could lower the cost: it is not at its cheaper value. */
  private boolean worthAPartner(int v) {
    return leafCost[2 * v + value[v]] > leafCost[2 * v + 1 - value[v]];
  }

  /**
   * The change of cost when {@code w} is flipped, given the current sums (where {@code v}, when not
   * -1, has been flipped already, and its constraints may be out of bounds): {@link Long#MAX_VALUE}
   * when afterwards a constraint of {@code w} or of {@code v} is not met. The cost of {@code v}'s own
   * flip is not included (see {@link #undoCostOf}).
   */
  private long delta(int w, int v) {
    long step = value[w] == 0 ? 1 : -1;
    long d = leafCost[2 * w + 1 - value[w]] - leafCost[2 * w + value[w]];
    for (int u = useStart[w], end = useStart[w + 1]; u < end; u++) {
      int c = useC[u];
      long after = sum[c] + (long) useK[u] * step;
      if (after < lo[c] || after > hi[c]) {
        return Long.MAX_VALUE;
      }
      if (lo[c] != hi[c] && after != sum[c]) {
        d += totalCost[c][after == lo[c] ? 0 : 1] - (sum[c] == lo[c] ? totalCost[c][0] : sum[c] == hi[c] ? totalCost[c][1] : 0);
      }
    }
    if (v >= 0) {
      // v's constraints that w does not share must be met already
      for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
        int c = useC[u];
        if ((sum[c] < lo[c] || sum[c] > hi[c]) && !uses(w, c)) {
          return Long.MAX_VALUE;
        }
      }
    }
    return d;
  }

  private boolean uses(int w, int c) {
    for (int u = useStart[w], end = useStart[w + 1]; u < end; u++) {
      if (useC[u] == c) {
        return true;
      }
    }
    return false;
  }

  /**
   * The change of cost that the flip of {@code v} (already made) brought, counted from its value now
   * and the sums now, for its constraints that the partner does not change: each of {@code v}'s
   * constraints within bounds counts at its bound now against its bound before v's flip.
   */
  private long undoCostOf(int v) {
    long back = value[v] == 0 ? 1 : -1; // the step that undoes v's flip
    long d = leafCost[2 * v + value[v]] - leafCost[2 * v + 1 - value[v]];
    for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
      int c = useC[u];
      if (lo[c] == hi[c]) {
        continue;
      }
      long before = sum[c] + useK[u] * back;
      long now = sum[c];
      d += costAt(c, now) - costAt(c, before);
    }
    return d;
  }

  /** A constraint's cost at a sum (0 outside its bounds: a transient state during a move). */
  private long costAt(int c, long s) {
    return s == lo[c] ? totalCost[c][0] : s == hi[c] ? totalCost[c][1] : 0;
  }

  private void flip(int v) {
    long step = value[v] == 0 ? 1 : -1;
    value[v] += (int) step;
    for (int u = useStart[v], end = useStart[v + 1]; u < end; u++) {
      sum[useC[u]] += (long) useK[u] * step;
    }
  }

  /** How far a sum lies outside {@code [lo, hi]} (0 when within); as {@link ZeroOneProblem#violation}. */
  private static long violation(long lo, long hi, long sum) {
    return sum < lo ? lo - sum : sum > hi ? sum - hi : 0;
  }
}
