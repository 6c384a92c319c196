package nl.begroot.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;

/**
 * {@code begroot bench}: full recomputation ({@link Engine#compute}, including the split over the
 * members by every key) of generated budgets, against a plain in-memory sum over the same cells in
 * the same run. Reports cells per second for both and their ratio (the target is at least 0.25 at
 * 10^7 cells), and the peak heap in use.
 */
public final class Bench {
  /** Benchmark sizes: 10 years, 400 members, 10 keys, as the issue asks. */
  public static BudgetGenerator.Size size(long cells) {
    int years = 10;
    return new BudgetGenerator.Size(Math.toIntExact(cells / years), years, 400, 10, 8, 6);
  }

  private Bench() {}

  public static void run(long[] cellCounts, long seed, int rounds, PrintWriter out) {
    out.printf(Locale.ROOT, "begroot bench: seed %d, %d measured rounds after 2 warm-up rounds; median per round%n", seed, rounds);
    out.printf(Locale.ROOT, "%12s  %16s  %16s  %7s  %12s%n", "cells", "engine cells/s", "plain sum cells/s", "ratio", "peak heap MB");
    for (long cells : cellCounts) {
      resetPeaks();
      Budget budget = BudgetGenerator.generate(seed, size(cells));
      long checksum = 0;
      long[] engine = new long[rounds];
      long[] plain = new long[rounds];
      for (int r = -2; r < rounds; r++) {
        long t0 = System.nanoTime();
        Computation c = Engine.compute(budget);
        long t1 = System.nanoTime();
        long s = plainSum(budget);
        long t2 = System.nanoTime();
        checksum += c.balancing(0) + s;
        if (r >= 0) {
          engine[r] = t1 - t0;
          plain[r] = t2 - t1;
        }
      }
      double engineRate = cells / (median(engine) / 1e9);
      double plainRate = cells / (median(plain) / 1e9);
      out.printf(Locale.ROOT, "%12d  %16.0f  %16.0f  %7.3f  %12d%n", cells, engineRate, plainRate, engineRate / plainRate, peakHeapMegabytes());
      if (checksum == 42) {
        out.println(); // keeps the results alive
      }
    }
  }

  /** The baseline: every cell of every proposal added into a total per year, nothing else. */
  static long plainSum(Budget budget) {
    int years = budget.version().years().size();
    long[] total = new long[years];
    for (Proposal p : budget.proposals()) {
      long[] cents = p.amounts().centsArray();
      for (int y = 0; y < years; y++) {
        total[y] += cents[y];
      }
    }
    long sum = 0;
    for (long t : total) {
      sum += t;
    }
    return sum;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMegabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }
}
