package nl.begroot.core.rounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faster controlled rounding (decisions 195, 224) prints exactly what the rounding before it printed
 * ({@link ReferenceRounding}, kept unchanged in the tests): every figure in thousands and in euros,
 * every note and every unproven group, on the IPO budget, the example GR budget and generated
 * budgets of several shapes and sizes. Ties are not allowed to fall differently: the same rounding,
 * not an equally good one. The small budgets are solved by the branch and bound, their few groups it
 * leaves by the local search as before. The bench-shaped ones (5.000 to 100.000 cells) have year groups
 * with totals of thousands of lines, which the local search now rounds otherwise (decision 224): there
 * the rounding must meet every constraint and cost no more than the old one.
 */
class RoundingIdentityTest {
  private static void same(Budget budget, String what) {
    Document document = DocumentBuilder.build(Engine.compute(budget));
    PrintedFigures now = ControlledRounding.round(document);
    PrintedFigures before = ReferenceRounding.round(document);
    assertThat(differences(now.thousands(), before.thousands())).as(what + ": thousands printed otherwise").isEmpty();
    assertThat(differences(now.euros(), before.euros())).as(what + ": euros printed otherwise").isEmpty();
    assertThat(now.notes()).as(what + ": notes").isEqualTo(before.notes());
    assertThat(now.unproven()).as(what + ": unproven").isEqualTo(before.unproven());
    assertThat(now.thousands()).as(what).isNotEmpty();
  }

  /** The figures printed otherwise (at most 10, as "id: now, before"), and figures only one of them prints. */
  private static java.util.List<String> differences(java.util.Map<String, Long> now, java.util.Map<String, Long> before) {
    java.util.Set<String> ids = new java.util.TreeSet<>(now.keySet());
    ids.addAll(before.keySet());
    return ids.stream().filter(id -> !java.util.Objects.equals(now.get(id), before.get(id)))
        .limit(10).map(id -> id + ": " + now.get(id) + ", before " + before.get(id)).toList();
  }

  @Test
  void theIpoBudgetPrintsAsBefore() {
    same(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), "IPO");
  }

  @Test
  void theExampleBudgetPrintsAsBefore() {
    same(((LoadResult.Loaded) BudgetFiles.loadExample()).budget(), "GR Voorbeeldregio");
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 30).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedBudgetsOfManyShapesPrintAsBefore(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    same(BudgetGenerator.generate(seed, new BudgetGenerator.Size(
        10 + r.nextInt(300), 1 + r.nextInt(10), 1 + r.nextInt(60), 1 + r.nextInt(5), 2 + r.nextInt(6), 1 + r.nextInt(4))),
        "seed " + seed);
  }

  static Stream<long[]> benchShapes() {
    return Stream.of(new long[] {5_000, 1}, new long[] {5_000, 20270101}, new long[] {20_000, 2}, new long[] {20_000, 20270101},
        new long[] {100_000, 20270101});
  }

  /**
   * The bench-shaped budgets' year groups are too large for the branch and bound; the local search
   * that rounds them may print another rounding than the old one (decision 224), but one that meets
   * every constraint (checked here on its own, from the figure graph) and costs no more than the old
   * one by the rounding's order of preference, counted here on its own from the exact cents.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("benchShapes")
  void benchBudgetsPrintAFootingRoundingNoWorseThanBefore(long[] cellsAndSeed) {
    Budget budget = BudgetGenerator.generate(cellsAndSeed[1], nl.begroot.bench.Bench.size(cellsAndSeed[0]));
    Document document = DocumentBuilder.build(Engine.compute(budget));
    PrintedFigures now = ControlledRounding.round(document);
    PrintedFigures before = ReferenceRounding.round(document);
    String what = cellsAndSeed[0] + " cells, seed " + cellsAndSeed[1];
    assertThat(now.notes()).as(what + ": notes").isEqualTo(before.notes()).isEmpty();
    assertThat(now.unproven()).as(what + ": unproven").isEqualTo(before.unproven());
    assertThat(now.thousands().keySet()).as(what).isEqualTo(before.thousands().keySet());
    assertThat(now.euros().keySet()).as(what).isEqualTo(before.euros().keySet());
    RoundingCheck.footing(document, now.thousands(), 100_000, true, what + " (thousands)");
    RoundingCheck.footing(document, now.euros(), 100, false, what + " (euros)");
    long[] costNow = RoundingCheck.cost(document, now.thousands(), 100_000);
    long[] costBefore = RoundingCheck.cost(document, before.thousands(), 100_000);
    long[] eurosNow = RoundingCheck.cost(document, now.euros(), 100);
    long[] eurosBefore = RoundingCheck.cost(document, before.euros(), 100);
    System.out.printf("%s: thousands far/distance/not nearest now %s, before %s; euros now %s, before %s%n", what,
        java.util.Arrays.toString(costNow), java.util.Arrays.toString(costBefore),
        java.util.Arrays.toString(eurosNow), java.util.Arrays.toString(eurosBefore));
    assertThat(java.util.Arrays.compare(costNow, costBefore)).as(what + ": thousands cost no more than before").isLessThanOrEqualTo(0);
    assertThat(java.util.Arrays.compare(eurosNow, eurosBefore)).as(what + ": euros cost no more than before").isLessThanOrEqualTo(0);
  }
}
