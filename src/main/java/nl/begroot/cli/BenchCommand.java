package nl.begroot.cli;

import java.util.concurrent.Callable;
import nl.begroot.bench.Bench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "bench", description = "Benchmark full recomputation on generated budgets against a plain in-memory sum" + " "
    + "over the same cells, measured in the same run. 'bench web' load-tests the web server; 'bench preview' times a proposal's preview"
    + " over HTTP on a generated budget.",
    subcommands = {BenchCommand.Web.class, BenchCommand.Preview.class, BenchCommand.Peers.class, BenchCommand.Import.class,
        BenchCommand.Heap.class})
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cells", split = ",", defaultValue = "100000,10000000", description = "proposal-year cells (default: ${DEFAULT-VALUE})")
  long[] cells;

  @Option(names = "--seed", defaultValue = "20270101", description = "generator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--rounds", defaultValue = "5", description = "measured rounds per size (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--figures-up-to", defaultValue = "1000000", description = "largest size whose figures, rounding, page and API table are"
      + " timed; above it those columns print -1 (default: ${DEFAULT-VALUE}: at 10^6 cells the figures and rounding take about a minute, at 10^7 they are not measured)")
  long figuresUpTo;

  @Option(names = "--warm-up", defaultValue = "2", description = "rounds before the measured ones, per size (default: ${DEFAULT-VALUE})")
  int warmUp;

  @Override
  public Integer call() {
    if (rounds < 1 || cells.length == 0 || warmUp < 0) {
      spec.commandLine().getErr().println("begroot bench: --rounds must be at least 1, --warm-up at least 0 and --cells must name a size");
      return Main.BAD_INPUT;
    }
    for (long n : cells) {
      if (n < 1000 || n > 50_000_000) {
        spec.commandLine().getErr().println("begroot bench: --cells must be between 1000 and 50000000, not " + n);
        return Main.BAD_INPUT;
      }
    }
    Bench.run(cells, seed, rounds, figuresUpTo, warmUp, spec.commandLine().getOut());
    return Main.OK;
  }

  @Command(mixinStandardHelpOptions = true, name = "heap", description = "The peak heap of generating a budget, laying out its cells and"
      + " computing once: the smallest -Xmx in which a fresh JVM does it, by bisection over child JVMs, confirmed by more runs at that size"
      + " (target: at most 24 bytes per cell at 10^7 cells).")
  static final class Heap implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--cells", defaultValue = "10000000", description = "proposal-year cells (default: ${DEFAULT-VALUE})")
    long cells;

    @Option(names = "--seed", defaultValue = "20270101", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--confirmations", defaultValue = "3", description = "runs in a row that must succeed at the size found (default: ${DEFAULT-VALUE})")
    int confirmations;

    @Override
    public Integer call() throws Exception {
      if (cells < 1000 || cells > 50_000_000 || confirmations < 1 || confirmations > 20) {
        spec.commandLine().getErr().println("begroot bench heap: --cells must be between 1000 and 50000000, --confirmations between 1 and 20");
        return Main.BAD_INPUT;
      }
      nl.begroot.bench.HeapBench.run(cells, seed, confirmations, spec.commandLine().getOut());
      return Main.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "import", description = "Import benchmark: writes an XAF 3.2 auditfile of a million journal"
      + " lines, parses it with the JDK's StAX reader alone and imports it (schema, mapping, totals, database) in the same run; prints both (wall"
      + " clock and process CPU), the ratio, the peak heap and the load average. Target: at most 30 s and 1 GiB of heap (the launcher runs it with -Xmx1g).")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--lines", defaultValue = "1000000", description = "journal lines (default: ${DEFAULT-VALUE})")
    long lines;

    @Option(names = "--rounds", defaultValue = "1", description = "StAX alone and the import, this many times each, alternating; the spread is"
        + " printed (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--stages", description = "also time the stages in between: SAX alone, SAX with the schema, the reader with the totals")
    boolean stages;

    @Override
    public Integer call() throws Exception {
      if (lines < 4 || lines > 20_000_000 || rounds < 1 || rounds > 20) {
        spec.commandLine().getErr().println("begroot bench import: --lines must be between 4 and 20000000, --rounds between 1 and 20");
        return Main.BAD_INPUT;
      }
      nl.begroot.bench.ImportBench.run(lines, rounds, stages, spec.commandLine().getOut());
      return Main.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "web", description = "Load benchmark of the web server: the overview page and the API's Tabel 1 against a" + " "
    + "trivial endpoint of the same server in the same run (requests per second, p50/p99 latency).")
  static final class Web implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--connections", defaultValue = "50", description = "concurrent keep-alive connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per endpoint (default: ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws Exception {
      if (connections < 1 || connections > 1000 || seconds < 1 || seconds > 600) {
        spec.commandLine().getErr().println("begroot bench web: --connections must be 1-1000 and --seconds 1-600");
        return Main.BAD_INPUT;
      }
      nl.begroot.bench.WebBench.run(connections, seconds, spec.commandLine().getOut());
      return Main.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "preview", description = "One proposal's change previewed over HTTP (POST"
      + " /api/versions/{v}/preview) on a generated budget served by the real web server: p50, p99 and maximum of the measured previews"
      + " after the warm-up ones (target: p99 under 50 ms at 10^6 cells).")
  static final class Preview implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--cells", defaultValue = "1000000", description = "proposal-year cells (default: ${DEFAULT-VALUE})")
    long cells;

    @Option(names = "--seed", defaultValue = "20270101", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--warm-up", defaultValue = "20", description = "previews before the measured ones (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--previews", defaultValue = "200", description = "measured previews (default: ${DEFAULT-VALUE})")
    int previews;

    @Option(names = "--saves", defaultValue = "0", description = "then changes saved through the API, each timed with the overview"
        + " page and the API's Tabel 1 after it (default: ${DEFAULT-VALUE})")
    int saves;

    @Override
    public Integer call() throws Exception {
      if (cells < 1000 || cells > 50_000_000 || warmUp < 0 || previews < 1 || previews > 1_000_000 || saves < 0 || saves > 100) {
        spec.commandLine().getErr().println("begroot bench preview: --cells must be between 1000 and 50000000, --warm-up at least 0,"
            + " --previews between 1 and 1000000, --saves between 0 and 100");
        return Main.BAD_INPUT;
      }
      nl.begroot.bench.PreviewBench.run(cells, seed, warmUp, previews, saves, spec.commandLine().getOut());
      return Main.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "peers", description = "The same generated cells in DuckDB, H2 and PostgreSQL: the rollup per programme" + " "
      + "and year and each annex column's saldo split over the members (SQL in bench/peers), answers checked against Begroot's, timed beside" + " "
      + "Begroot's full recomputation and a plain sum over a flat long[]. DuckDB needs its driver on the class path: mvn -Ppeers verify.")
  static final class Peers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--cells", defaultValue = "10000000", description = "proposal-year cells (default: ${DEFAULT-VALUE})")
    long cells;

    @Option(names = "--seed", defaultValue = "20270101", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--postgres", defaultValue = "jdbc:postgresql://127.0.0.1:55432/begroot_test",
        description = "PostgreSQL JDBC URL, user postgres (default: the private server of .ci/postgres, ${DEFAULT-VALUE}); 'none' to leave it out")
    String postgres;

    @Override
    public Integer call() {
      if (rounds < 1 || cells < 1000 || cells > 50_000_000) {
        spec.commandLine().getErr().println("begroot bench peers: --rounds must be at least 1 and --cells between 1000 and 50000000");
        return Main.BAD_INPUT;
      }
      nl.begroot.bench.PeersBench.run(cells, seed, rounds, "none".equals(postgres) ? null : postgres, spec.commandLine().getOut());
      return Main.OK;
    }
  }
}
