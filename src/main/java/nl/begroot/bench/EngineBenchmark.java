package nl.begroot.bench;

import java.util.concurrent.TimeUnit;
import nl.begroot.core.engine.Cells;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark: full recomputation of laid-out cells against the plain sum over a flat array of the same cells. Run with
 * {@code java -cp target/begroot.jar org.openjdk.jmh.Main EngineBenchmark}; compare the two scores
 * of one size (same run, same machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EngineBenchmark {
  @Param({"100000", "10000000"})
  public long cells;

  Cells laid;
  long[] flat;
  int years;

  @Setup(Level.Trial)
  public void setUp() {
    Budget budget = BudgetGenerator.generate(20270101L, Bench.size(cells));
    laid = Cells.of(budget);
    Computation c = Engine.compute(laid);
    flat = Bench.flatCells(budget, c);
    years = c.yearCount();
  }

  @Benchmark
  public void recompute(Blackhole bh) {
    bh.consume(Engine.compute(laid));
  }

  @Benchmark
  public long flatSum() {
    return Bench.flatSum(flat, years);
  }
}
