package nl.begroot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A small run of both benchmarks, so that `mvn verify` keeps them working (the real runs are by
 * hand: README, Benchmarks). The peers' run checks each SQL engine's rollup and split against
 * Begroot's figures and fails when one differs; here with DuckDB and H2 (PostgreSQL left out).
 */
class BenchSmokeTest {
  @Test
  void theFullPathRunsAtASmallSize() {
    StringWriter out = new StringWriter();
    Bench.run(new long[] {20_000}, 1, 1, new PrintWriter(out, true));
    assertThat(out.toString()).contains("20000").contains("engine B/c").contains("x full");
  }

  /**
   * The heap bench's bisection over child JVMs, at 200.000 cells: the size it prints runs, and half of it does not
   * (a bisection that printed its starting size, or any size that runs, would fail the second check).
   */
  @Test
  void theHeapBenchFindsASizeThatRunsAndHalfOfItDoesNot() throws Exception {
    long cells = 200_000;
    StringWriter out = new StringWriter();
    HeapBench.run(cells, 1, 1, new PrintWriter(out, true));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("peak heap: (\\d+) MiB = [\\d.]+ bytes per cell").matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    long mb = Long.parseLong(m.group(1));
    assertThat(HeapBench.child(cells, 1, mb).ran()).isTrue();
    assertThat(HeapBench.child(cells, 1, mb / 2).ran()).as("half of %d MiB", mb).isFalse();
  }

  @Test
  void theImportBenchRunsAtASmallSize() throws Exception {
    StringWriter out = new StringWriter();
    ImportBench.run(4000, 2, true, new PrintWriter(out, true));
    String text = out.toString();
    assertThat(text).contains("StAX alone").contains("stage: SAX parser with the schema").contains("(no hash, no database)")
        .contains("4000 lines, ").contains("min / median / max").contains("load average").doesNotContain("REFUSED");
  }

  @Test
  void duckDbAndH2GiveBegrootsTotalsInTheSameRun() {
    StringWriter out = new StringWriter();
    PeersBench.run(20_000, 3, 1, null, new PrintWriter(out, true));
    String text = out.toString();
    assertThat(text.lines().filter(l -> l.startsWith("DuckDB") || l.startsWith("H2")))
        .hasSize(2).allMatch(l -> l.contains("totals checked"), "checked, not skipped");
  }
}
