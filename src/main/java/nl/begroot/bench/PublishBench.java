package nl.begroot.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.publish.Publication;
import nl.begroot.publish.Publisher;

/**
 * Times publishing (HTML, PDF, workbook) for a budget and for a generated budget about ten times
 * its size, in the same run, and reports how the time grows against the size (the number of
 * figures in the document). Output goes to a counting sink, so disk speed does not count.
 */
public final class PublishBench {
  private PublishBench() {}

  private interface Job {
    void run(Publication pub, OutputStream out) throws IOException;
  }

  /**
   * A generated budget {@code factor} times the size of {@code like}: that many times its proposals,
   * units and members (so its programme tables and Bijlage 1 both grow), the same years.
   */
  public static Budget scaled(Budget like, int factor, long seed) {
    int programmes = Math.max(2, like.programmes().size());
    int units = Math.max(1, (int) like.programmes().stream().mapToLong(p -> p.units().size()).max().orElse(1));
    var size = new BudgetGenerator.Size(Math.max(10, like.proposals().size() * factor), like.version().years().size(), like.members().size() * factor,
        Math.max(2, like.keys().size()), programmes, units * factor);
    return BudgetGenerator.generate(seed, size);
  }

  public static void run(Budget base, int factor, long seed, int rounds, PrintWriter out) throws IOException {
    Publication small = Publication.of(base);
    Publication large = Publication.of(scaled(base, factor, seed));
    long smallSize = small.document().graph().all().size();
    long largeSize = large.document().graph().all().size();
    out.printf(Locale.ROOT, "begroot publish --bench: median of %d rounds after 1 warm-up round; seed %d%n", rounds, seed);
    out.printf(Locale.ROOT, "budgets: %s (%d proposals, %d members, %d figures) and a generated budget (%d proposals, %d members, "
        + "%d figures): size ratio %.1f (figures)%n", base.version().title(), base.proposals().size(), base.members().size(), smallSize,
        large.budget().proposals().size(), large.budget().members().size(), largeSize, (double) largeSize / smallSize);
    out.printf(Locale.ROOT, "%-6s  %12s  %12s  %10s  %14s%n", "format", "base ms", "large ms", "time ratio", "ratio / size");
    String[] names = {"html", "pdf", "xlsx"};
    Job[] jobs = {Publisher::html, Publisher::pdf, Publisher::xlsx};
    for (int j = 0; j < jobs.length; j++) {
      double a = median(jobs[j], small, rounds);
      double b = median(jobs[j], large, rounds);
      out.printf(Locale.ROOT, "%-6s  %12.1f  %12.1f  %10.2f  %14.2f%n", names[j], a, b, b / a, (b / a) / ((double) largeSize / smallSize));
      out.flush();
    }
  }

  private static double median(Job job, Publication pub, int rounds) throws IOException {
    long[] times = new long[rounds];
    for (int r = -1; r < rounds; r++) {
      CountingSink sink = new CountingSink();
      long t0 = System.nanoTime();
      job.run(pub, sink);
      long t = System.nanoTime() - t0;
      if (sink.bytes == 0) {
        throw new IllegalStateException("nothing written");
      }
      if (r >= 0) {
        times[r] = t;
      }
    }
    Arrays.sort(times);
    double mid = rounds % 2 == 1 ? times[rounds / 2] : (times[rounds / 2 - 1] + times[rounds / 2]) / 2.0;
    return mid / 1e6;
  }

  private static final class CountingSink extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
