package nl.begroot.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import nl.begroot.core.engine.Cells;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;

/**
 * {@code begroot bench heap}: the peak heap of the engine's whole path on the generated budget, measured as the
 * smallest maximum heap ({@code -Xmx}) in which a fresh JVM generates the budget, lays out its cells and computes
 * once: found by bisection over child JVMs (this JVM's java and class path, the default collector), then confirmed by
 * {@code confirmations} more runs at that size, stepping up until every one of them runs. Printed in MiB and in bytes
 * per cell, beside the budget's model alone (live after a full GC in the child). What a user must give the JVM, not
 * an upper bound from the pools' peaks (which count garbage not yet collected). Target (issue 13): at most 24 bytes
 * per cell at 10^7 cells.
 */
public final class HeapBench {
  /** The child's exit code when the heap was too small. */
  static final int OUT_OF_MEMORY = 3;
  private static final String OK = "ok ";

  private HeapBench() {}

  /** The child: generate, lay out and compute once; prints {@code ok <model bytes> <checksum>}, or exits {@link #OUT_OF_MEMORY}. */
  public static void main(String[] args) {
    try {
      long cells = Long.parseLong(args[0]);
      long seed = Long.parseLong(args[1]);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long empty = rt.totalMemory() - rt.freeMemory();
      Budget budget = BudgetGenerator.generate(seed, Bench.size(cells));
      System.gc();
      System.gc();
      long model = rt.totalMemory() - rt.freeMemory() - empty;
      Computation c = Engine.compute(Cells.of(budget));
      long checksum = 0;
      for (int y = 0; y < c.yearCount(); y++) {
        checksum = checksum * 31 + c.line(0).cents(y);
      }
      System.out.println(OK + model + " " + checksum);
    } catch (OutOfMemoryError e) {
      System.exit(OUT_OF_MEMORY);
    }
  }

  /** A child's outcome: whether it ran, and the model's bytes it measured (0 when it did not run). */
  record Outcome(boolean ran, long modelBytes) {}

  public static void run(long cells, long seed, int confirmations, PrintWriter out) throws IOException, InterruptedException {
    out.printf(Locale.ROOT, "begroot bench heap: seed %d, %d cells; the smallest -Xmx in which a fresh JVM generates, lays out and computes once%n",
        seed, cells);
    out.flush();
    long lo = Math.max(8, cells * 4 / 1_000_000); // MiB: surely too small (4 bytes a cell)
    long hi = Math.max(64, cells * 64 / 1_000_000); // MiB: 64 bytes a cell
    Outcome top = child(cells, seed, hi);
    if (!top.ran()) {
      out.printf(Locale.ROOT, "did not run in %d MiB; nothing measured%n", hi);
      return;
    }
    long model = top.modelBytes();
    int runs = 1;
    while (hi - lo > Math.max(2, hi / 100)) {
      long mid = (lo + hi) / 2;
      Outcome o = child(cells, seed, mid);
      runs++;
      if (o.ran()) {
        hi = mid;
        model = o.modelBytes();
      } else {
        lo = mid;
      }
    }
    // the collector's choices vary from run to run near the edge: every confirmation must run, else a step up
    long step = Math.max(2, hi / 50);
    List<String> tried = new ArrayList<>();
    for (int k = 0; k < confirmations; k++) {
      Outcome o = child(cells, seed, hi);
      runs++;
      if (!o.ran()) {
        tried.add(hi + " MiB failed");
        hi += step;
        k = -1;
      }
    }
    double perCell = hi * 1024.0 * 1024.0 / cells;
    out.printf(Locale.ROOT, "peak heap: %d MiB = %.1f bytes per cell (ran in %d MiB %d times in a row%s); model alone %.1f bytes per cell; %d child runs%n",
        hi, perCell, hi, confirmations, tried.isEmpty() ? "" : "; " + String.join(", ", tried), model / (double) cells, runs);
    out.printf(Locale.ROOT, "target (issue 13, 10^7 cells): at most 24 bytes per cell: %s%n", perCell <= 24 ? "met" : "not met");
    out.flush();
  }

  /** One child JVM with {@code -Xmx<mb>m}. */
  static Outcome child(long cells, long seed, long mb) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + mb + "m", "-cp", System.getProperty("java.class.path"), HeapBench.class.getName(),
        Long.toString(cells), Long.toString(seed));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the heap probe at " + mb + " MiB did not end in 30 minutes");
    }
    int exit = p.exitValue();
    if (exit == OUT_OF_MEMORY || exit != 0 && text.contains("OutOfMemoryError")) {
      return new Outcome(false, 0);
    }
    if (exit != 0 || !text.startsWith(OK)) {
      throw new IOException("the heap probe at " + mb + " MiB failed (exit " + exit + "): " + text.strip());
    }
    return new Outcome(true, Long.parseLong(text.substring(OK.length()).split(" ")[0]));
  }
}
