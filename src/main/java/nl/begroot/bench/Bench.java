package nl.begroot.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.SplittableRandom;
import nl.begroot.core.engine.Cells;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.figures.Table;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.Violation;
import nl.begroot.render.HtmlTableRenderer;
import nl.begroot.render.JsonRenderer;

/**
 * {@code begroot bench}: the full path of generated budgets (layout of the cells, full
 * recomputation including the split over the members by every key, figures, rounding, Tabel 1 as
 * HTML and JSON, one proposal changed by its delta) against a plain sum over a flat {@code long[]}
 * of the same cells in the same run, and the peak heap per cell. {@code begroot bench peers} adds
 * DuckDB, H2 and PostgreSQL ({@link PeersBench}).
 */
public final class Bench {
  /** Benchmark sizes: 10 years, 400 members, 10 keys, as the issue asks. */
  public static BudgetGenerator.Size size(long cells) {
    int years = 10;
    return new BudgetGenerator.Size(Math.toIntExact(cells / years), years, 400, 10, 8, 6);
  }

  private Bench() {}

  /**
   * The full path a user waits for, per size: laying out the cells, the full recomputation, the
   * plain sum over a flat {@code long[]} of the same cells (same run), building the figures, rounding
   * them for print, rendering Tabel 1 as a page's HTML and as the API's JSON, and one proposal
   * changed by its delta against a full recomputation; the peak heap per cell.
   */
  public static void run(long[] cellCounts, long seed, int rounds, PrintWriter out) {
    run(cellCounts, seed, rounds, Long.MAX_VALUE, out);
  }

  /**
   * As above; above {@code figuresUpTo} cells the figures, rounding, page and API columns are left
   * out (printed as -1): the engine's columns and the heap then cover the engine alone.
   */
  public static void run(long[] cellCounts, long seed, int rounds, long figuresUpTo, PrintWriter out) {
    run(cellCounts, seed, rounds, figuresUpTo, 2, out);
  }

  /**
   * As above, with {@code warmUp} rounds before the measured ones (2 by default; fewer where one round
   * of the figures and rounding takes minutes, as at 10^6 cells).
   */
  public static void run(long[] cellCounts, long seed, int rounds, long figuresUpTo, int warmUp, PrintWriter out) {
    out.printf(Locale.ROOT, "begroot bench: seed %d, median of %d rounds after %d warm-up rounds; times in ms; load average %.1f%n", seed,
        rounds, warmUp, PreviewBench.load());
    out.printf(Locale.ROOT, "%10s %8s %8s %8s %7s %8s %8s %8s %8s %9s %8s %8s %9s %9s %9s%n", "cells", "layout", "compute", "flat sum", "share",
        "figures", "rounding", "page", "api", "1 change", "x full", "cold", "model B/c", "engine B/c", "peak B/c");
    for (long cells : cellCounts) {
      long empty = usedAfterGc();
      resetPeaks();
      Budget budget = BudgetGenerator.generate(seed, size(cells));
      // the heap: the budget's model (the input, as a peer's loaded table) live after a full GC; the
      // engine's peak above it while laying out and computing once (the sum of the heap pools' peaks
      // from that GC on: an upper bound of the peak, garbage not yet collected included)
      long model = usedAfterGc() - empty;
      resetPeaks();
      long before = usedNow();
      Cells once = Cells.of(budget);
      Computation onceComputed = Engine.compute(once);
      long engine = peakHeapBytes() - before;
      once = null;
      onceComputed = null;
      long[] layout = new long[rounds];
      long[] compute = new long[rounds];
      long[] flat = new long[rounds];
      long[] figures = new long[rounds];
      long[] rounding = new long[rounds];
      long[] page = new long[rounds];
      long[] api = new long[rounds];
      long[] change = new long[rounds];
      long[] figuresCpu = new long[rounds];
      long[] roundingCpu = new long[rounds];
      long[] figuresProcess = new long[rounds];
      long[] roundingProcess = new long[rounds];
      long checksum = 0;
      Cells laid = Cells.of(budget);
      Computation full = Engine.compute(laid);
      long[] flatCells = flatCells(budget, full);
      int years = full.yearCount();
      SplittableRandom random = new SplittableRandom(seed);
      Edit warm = Edit.random(budget, random);
      BudgetValidator.requireValid(warm.after);
      long coldChange = warmChange(full, laid, warm, seed + 1); // the first change, then the path compiled as in a running server
      for (int r = -warmUp; r < rounds; r++) {
        long t0 = System.nanoTime();
        laid = Cells.of(budget);
        long t1 = System.nanoTime();
        Computation c = Engine.compute(laid);
        long t2 = System.nanoTime();
        long sum = flatSum(flatCells, years);
        long t3 = System.nanoTime();
        long t4 = t3;
        long t5 = t3;
        long t6 = t3;
        long t7 = t3;
        String html = "";
        String json = "";
        long cpu3 = 0;
        long cpu4 = 0;
        long cpu5 = 0;
        long proc3 = 0;
        long proc4 = 0;
        long proc5 = 0;
        if (cells <= figuresUpTo) {
          cpu3 = threadCpu();
          proc3 = PreviewBench.processCpuNanos();
          Document document = DocumentBuilder.build(c);
          t4 = System.nanoTime();
          cpu4 = threadCpu();
          proc4 = PreviewBench.processCpuNanos();
          PrintedFigures printed = ControlledRounding.round(document);
          t5 = System.nanoTime();
          cpu5 = threadCpu();
          proc5 = PreviewBench.processCpuNanos();
          Table tabel1 = document.table("tabel-1").orElseThrow();
          html = HtmlTableRenderer.render(document, printed, tabel1, HtmlTableRenderer.Options.PLAIN);
          t6 = System.nanoTime();
          json = JsonRenderer.table(document, printed, tabel1); // what GET /api/versions/{v}/tables/tabel-1 serves
          t7 = System.nanoTime();
        }
        Edit edit = Edit.random(budget, random);
        BudgetValidator.requireValid(edit.after); // the workspace has validated an edit before it is computed
        long t8 = System.nanoTime();
        Computation changed = Engine.change(c, edit.after, edit.index);
        long t9 = t8 + changeNanos(c, edit, CHANGE_REPEATS);
        checksum += c.balancing(0) + sum + html.length() + json.length() + changed.balancing(0);
        if (r >= 0) {
          layout[r] = t1 - t0;
          compute[r] = t2 - t1;
          flat[r] = t3 - t2;
          boolean left = cells > figuresUpTo; // printed as -1 ms: left out
          figures[r] = left ? -1_000_000 : t4 - t3;
          rounding[r] = left ? -1_000_000 : t5 - t4;
          figuresCpu[r] = left ? -1_000_000 : cpu4 - cpu3;
          roundingCpu[r] = left ? -1_000_000 : cpu5 - cpu4;
          figuresProcess[r] = left ? -1_000_000 : proc4 - proc3;
          roundingProcess[r] = left ? -1_000_000 : proc5 - proc4;
          page[r] = left ? -1_000_000 : t6 - t5;
          api[r] = left ? -1_000_000 : t7 - t6;
          change[r] = t9 - t8;
        }
      }
      long peak = peakHeapBytes();
      out.printf(Locale.ROOT, "%10d %8.1f %8.1f %8.1f %7.2f %8.1f %8.1f %8.2f %8.2f %9.4f %8.0f %8.2f %9.1f %9.1f %9.1f%n", cells, ms(layout),
          ms(compute), ms(flat), median(flat) / median(compute), ms(figures), ms(rounding), ms(page), ms(api), ms(change),
          median(compute) / median(change), coldChange / 1e6, (double) model / cells, (double) engine / cells, (double) peak / cells);
      out.printf(Locale.ROOT, "%10s CPU time of the figures %.1f ms, of the rounding %.1f ms (the thread's, median); of the whole process"
          + " (all threads: the rounding's local searches run side by side; the collector's included) %.1f and %.1f ms; load average %.1f%n", "",
          ms(figuresCpu), ms(roundingCpu), ms(figuresProcess), ms(roundingProcess), PreviewBench.load());
      out.flush();
      if (checksum == 42) {
        out.println(); // keeps the results alive
      }
    }
    out.printf(Locale.ROOT, "share: the flat sum's time over compute's (1 = as fast as the physical baseline); x full: compute over 1 change%n");
    out.printf(Locale.ROOT, "1 change: per round the median of %d updates by that round's edit, after at least %d updates and %d s"
        + " (edits of up to %d shapes of line in turn, a full computation every %d) compiled the path; cold: the first update of the run%n",
        CHANGE_REPEATS, CHANGE_WARM_UP, CHANGE_WARM_UP_NANOS / 1_000_000_000L, WARM_UP_EDITS, FULL_EVERY);
    out.printf(Locale.ROOT, "heap per cell: model = the budget's objects live after a full GC; engine = peak above them while laying out"
        + " and computing once; peak = the whole run's peak (model, figures, rounding, pages included)%n");
  }

  /** How many times each round's edit is computed by its delta; the round's time is their median. */
  static final int CHANGE_REPEATS = 101;

  /**
   * How many updates compile the change path before it is timed (a server has made many). HotSpot compiles
   * a method with its optimising compiler (C2, tier 4) after some 5.000 to 15.000 calls
   * ({@code Tier4InvocationThreshold}, {@code Tier4CompileThreshold}); after the 3.000 used until decision 254
   * {@code -XX:+PrintCompilation} showed the update's methods still in C1's profiling tier (3), so the bench
   * timed code a running server no longer runs. 30.000 updates are some 0,1 s at 10^7 cells.
   */
  static final int CHANGE_WARM_UP = 30_000;

  /**
   * And for at least this long: right after the budget is generated and validated the optimising compiler
   * has a queue, and {@code Engine.change} itself was seen compiled at its top tier only 4 s after the
   * warm-up began (the first rounds 11-13 µs a change, then 1,3-1,4: decision 254).
   */
  static final long CHANGE_WARM_UP_NANOS = 8_000_000_000L;

  /**
   * The warm-up computes the budget in full once every this many updates, as the rounds do before their
   * edit: the full computation and the update share {@code Engine.derive}, and code compiled for the
   * updates alone was deoptimised by the first round's full computation (at 10^6 cells the rounds' updates
   * then took 3,5-8 µs instead of 1,5-2: decision 254).
   */
  static final int FULL_EVERY = 10_000;

  /**
   * {@code first}, then an edit of a line of each further shape (side, pm years, third party, pass-through,
   * overhead view: {@link #shape}) found among 100.000 draws, up to {@link #WARM_UP_EDITS} edits (the generated
   * budgets have fewer shapes), then random edits, {@link #WARM_UP_EDITS} in all.
   */
  static Edit[] warmUpEdits(Budget budget, Edit first, long seed) {
    java.util.Map<String, Edit> byShape = new java.util.LinkedHashMap<>();
    List<Proposal> proposals = budget.proposals();
    byShape.put(shape(budget, proposals.get(first.index)), first);
    SplittableRandom random = new SplittableRandom(seed);
    for (int tries = 0; tries < 100_000 && byShape.size() < WARM_UP_EDITS; tries++) {
      int index = random.nextInt(proposals.size());
      Proposal p = proposals.get(index);
      if (Edit.editable(p)) {
        byShape.computeIfAbsent(shape(budget, p), k -> Edit.at(budget, index, random));
      }
    }
    List<Edit> edits = new java.util.ArrayList<>(byShape.values());
    while (edits.size() < WARM_UP_EDITS) {
      edits.add(Edit.random(budget, random));
    }
    return edits.toArray(new Edit[0]);
  }

  /** What decides the update's branches for a line: its side, pm years, third party, move to the pass-through budget, an overhead view's unit. */
  private static String shape(Budget budget, Proposal p) {
    return p.side() + "/" + p.amounts().anyPm() + "/" + (p.thirdParty() != null) + "/" + p.passThrough() + "/"
        + budget.programmeOfUnit(p.unit()).map(nl.begroot.core.model.Programme::overheadView).orElse(null);
  }

  /**
   * How many edits the warm-up takes in turn: a line of each shape found ({@link #warmUpEdits}), up to this many,
   * then drawn as the rounds' are. The validator remembers 16 budgets found valid: the budget and these 14 stay among them.
   */
  static final int WARM_UP_EDITS = 14;

  /**
   * Computes at least {@link #CHANGE_WARM_UP} updates by their delta for at least {@link #CHANGE_WARM_UP_NANOS},
   * with a full computation of {@code cells} (before's budget laid out) every {@link #FULL_EVERY}, so that the
   * update's code is compiled as in a running server, and returns the first (cold) update's time in
   * nanoseconds: {@code first}'s, then {@code first} and {@link #WARM_UP_EDITS} - 1 more ({@link #warmUpEdits},
   * drawn from {@code seed}) in turn. One edit alone compiled only its own branches: a round whose edit took
   * another (a line with pm years, a moved line) then ran 10-40 µs while the code was compiled again (decision
   * 254). The others are validated as the workspace validates an edit ({@link BudgetValidator#validateEdit}), so
   * none is validated in full.
   */
  static long warmChange(Computation before, Cells cells, Edit first, long seed) {
    Edit[] edits = warmUpEdits(before.budget(), first, seed);
    for (Edit e : edits) {
      List<Violation> found = BudgetValidator.validateEdit(before.budget(), e.after, e.index);
      if (!found.isEmpty()) {
        throw new IllegalStateException("a warm-up edit is not valid: " + found.get(0));
      }
    }
    long t0 = System.nanoTime();
    Computation cold = Engine.change(before, first.after, first.index);
    long coldNanos = System.nanoTime() - t0;
    long keep = cold.balancing(0);
    long until = System.nanoTime() + CHANGE_WARM_UP_NANOS;
    for (int i = 1; i < CHANGE_WARM_UP || System.nanoTime() < until; i++) {
      Edit e = edits[i % edits.length];
      keep += Engine.change(before, e.after, e.index).balancing(0);
      if (i % FULL_EVERY == 0) {
        keep += Engine.compute(cells).balancing(0);
      }
    }
    return keep == 42 ? coldNanos + 1 : coldNanos;
  }

  /**
   * The median time in nanoseconds of {@code repeats} updates of {@code before} by one edit (each
   * from the same computation, which an update does not change): a single update lasts tens of
   * microseconds, so one measurement is as long as one wait for the scheduler on a busy machine.
   */
  static long changeNanos(Computation before, Edit edit, int repeats) {
    return changeNanos(before, edit, repeats, false);
  }

  /**
   * As {@link #changeNanos(Computation, Edit, int)}; with {@code splits}, each update's every member split is
   * read too (those the edit did not touch are shared with {@code before}, whose splits should be made), as a
   * what-if that shows each member's new share does.
   */
  static long changeNanos(Computation before, Edit edit, int repeats, boolean splits) {
    long[] times = new long[repeats];
    long keep = 0;
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      Computation changed = Engine.change(before, edit.after, edit.index);
      keep += changed.balancing(0) + (splits ? readSplits(changed) : 0);
      times[i] = System.nanoTime() - t0;
    }
    Arrays.sort(times);
    return times[repeats / 2] + (keep == 42 ? 1 : 0);
  }

  /**
   * Reads one member of every annex column and year, which makes every split over the members not made yet
   * (decision 228: a computation splits a column when it is first read); returns a checksum.
   */
  static long readSplits(Computation c) {
    var annex = c.annex();
    long sum = 0;
    for (int col = 0; col < annex.columnCount(); col++) {
      for (int y = 0; y < c.yearCount(); y++) {
        sum += annex.member(col, y, 0);
      }
    }
    return sum;
  }

  /** One proposal changed at random: new amounts for an entered line. */
  record Edit(Budget after, int index) {
    static Edit random(Budget budget, SplittableRandom random) {
      List<Proposal> proposals = budget.proposals();
      int index;
      do {
        index = random.nextInt(proposals.size());
      } while (!editable(proposals.get(index)));
      return at(budget, index, random);
    }

    /** A line the bench edits: entered, without a breakdown. */
    static boolean editable(Proposal p) {
      return p.rule() == Proposal.Rule.ENTERED && p.breakdown() == null;
    }

    /** The line at {@code index} with new amounts drawn for every year (a moved line's stay). */
    static Edit at(Budget budget, int index, SplittableRandom random) {
      List<Proposal> proposals = budget.proposals();
      Proposal p = proposals.get(index);
      long[] cents = p.amounts().centsArray().clone();
      for (int y = 0; y < cents.length; y++) {
        cents[y] = random.nextLong(-500_000_000L, 500_000_000L);
      }
      Proposal changed = new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(),
          p.passThrough() ? p.amounts() : Amounts.of(cents), p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(),
          p.breakdown(), p.explanation());
      List<Proposal> edited = new java.util.ArrayList<>(proposals);
      edited.set(index, changed);
      return new Edit(budget.withProposals(edited), index);
    }
  }

  /** Every cell of every line (computed lines with their computed amounts) in one flat array, line by line. */
  static long[] flatCells(Budget budget, Computation c) {
    int years = c.yearCount();
    long[] cells = new long[Math.multiplyExact(budget.proposals().size(), years)];
    for (int i = 0; i < budget.proposals().size(); i++) {
      System.arraycopy(c.line(i).centsArray(), 0, cells, i * years, years);
    }
    return cells;
  }

  /** The physical baseline: every cell of a flat array added into a total per year, nothing else. */
  static long flatSum(long[] cells, int years) {
    long[] total = new long[years];
    for (int i = 0; i < cells.length; i += years) {
      for (int y = 0; y < years; y++) {
        total[y] += cells[i + y];
      }
    }
    long sum = 0;
    for (long t : total) {
      sum += t;
    }
    return sum;
  }

  /** The current thread's CPU time in nanoseconds (0 where the JVM does not measure it). */
  private static long threadCpu() {
    var threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  private static double ms(long[] nanos) {
    return median(nanos) / 1e6;
  }

  static double median(long[] values) {
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

  /** Heap in use after a full collection (asked twice: one GC may leave some behind). */
  private static long usedAfterGc() {
    System.gc();
    System.gc();
    return usedNow();
  }

  private static long usedNow() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
