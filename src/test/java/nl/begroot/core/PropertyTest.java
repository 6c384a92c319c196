package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.TestBudgets;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.BudgetWriter;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded-random budgets (see {@link BudgetGenerator}): the properties hold for every one. Each
 * assertion names its seed; rerun one with {@code -Dtest=PropertyTest} and the seed in the name.
 */
class PropertyTest {

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 60).boxed();
  }

  private static Budget budget(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return BudgetGenerator.generate(seed, new BudgetGenerator.Size(
        10 + r.nextInt(300), 1 + r.nextInt(6), 1 + r.nextInt(40), 1 + r.nextInt(4), 2 + r.nextInt(5), 1 + r.nextInt(4)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyYearBalances(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    for (int year : b.version().years()) {
      assertThat(c.cents("tabel-1/new.saldo/" + year)).as("seed %d year %d", seed, year).isZero();
      assertThat(c.cents("tabel-1/change.lasten/" + year)).as("seed %d", seed).isEqualTo(c.cents("tabel-1/change.baten/" + year));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPrintedTableFoots(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    List<String> problems = new ArrayList<>();
    Invariants.checkFooting(c, problems);
    Invariants.checkFootingByLayout(c, b, problems);
    assertThat(c.printed().notes()).as("seed %d: controlled rounding found for every table", seed).isEmpty();
    assertThat(problems).as("seed %d", seed).isEmpty();
  }

  /**
   * Every figure of the programme tables, Tabel 1 and Bijlage 1 (each year, each column, each member)
   * against {@link Recompute}, a second implementation written for the tests: not the sums the engine
   * or the {@code DocumentBuilder} used.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyFigureAgreesWithAnIndependentRecomputation(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    Recompute r = new Recompute(b);
    List<String> wrong = new ArrayList<>();
    java.util.function.BiConsumer<String, Long> expect = (id, cents) -> {
      var f = c.document().graph().find(id);
      if (f.isEmpty()) {
        wrong.add(id + ": no such figure (expected " + cents + ")");
      } else if (f.get().cents() != cents) {
        wrong.add(id + ": " + f.get().cents() + " but recomputed " + cents);
      }
    };
    List<Integer> years = b.version().years();
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      for (var programme : b.programmes()) {
        String p = "programme-" + programme.id() + "/";
        expect.accept(p + "change.lasten/" + year, r.changeLasten.get(programme.id())[y]);
        expect.accept(p + "change.baten/" + year, r.changeBaten.get(programme.id())[y]);
      }
      for (Proposal p : b.proposals()) {
        if (p.rule() == Proposal.Rule.BALANCING) {
          String programme = b.programmeOfUnit(p.unit()).orElseThrow().id();
          expect.accept("programme-" + programme + "/" + p.id() + "/" + year, r.balancing[y]);
        }
      }
      expect.accept("tabel-1/frame.lasten/" + year, r.frameLasten[y]);
      expect.accept("tabel-1/frame.baten/" + year, r.frameBaten[y]);
      expect.accept("tabel-1/change.lasten/" + year, r.totalChangeLasten[y]);
      expect.accept("tabel-1/change.baten/" + year, r.totalChangeBaten[y]);
      expect.accept("tabel-1/new.lasten/" + year, r.frameLasten[y] + r.totalChangeLasten[y]);
      expect.accept("tabel-1/new.baten/" + year, r.frameBaten[y] + r.totalChangeBaten[y]);
      expect.accept("tabel-1/new.saldo/" + year, r.frameLasten[y] + r.totalChangeLasten[y] - r.frameBaten[y] - r.totalChangeBaten[y]);
      String annex = "bijlage-1-" + year + "/";
      for (String column : r.toDistribute.keySet()) {
        expect.accept(annex + "te-verdelen/" + column, r.toDistribute.get(column)[y]);
        if (r.perPart.containsKey(column) && !column.equals(b.annex().thirdPartyColumn().id())) {
          expect.accept(annex + "totaal-per-deel/" + column, r.perPart.get(column)[y]);
        }
        long overhead = r.overhead.get(column)[y];
        var printedOverhead = c.document().graph().find(annex + "bedrijfsvoering/" + column);
        if (overhead != 0 || printedOverhead.isPresent()) {
          expect.accept(annex + "bedrijfsvoering/" + column, overhead);
        }
        for (int m = 0; m < b.members().size(); m++) {
          expect.accept(annex + b.members().get(m).id() + "/" + column, r.perMember.get(column)[y][m]);
        }
      }
      // what the members pay more, over all columns, is the balancing item
      String total = b.annex().columns().get(b.annex().columns().size() - 1).id();
      assertThat(r.toDistribute.get(total)[y]).as("seed %d year %d: Bijlage 1's total is the balancing item", seed, year)
          .isEqualTo(r.balancing[y]);
    }
    assertThat(wrong).as("seed %d", seed).isEmpty();
  }

  /** The generator makes only budgets the file format accepts: written and read back, unchanged. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyGeneratedBudgetIsWrittenAndReadBackWithoutProblems(long seed) {
    Budget b = budget(seed);
    String file = BudgetWriter.write(b);
    LoadResult read = BudgetReader.read("generated-" + seed + ".yaml", file);
    assertThat(read).as("seed %d: %s", seed, read instanceof LoadResult.Rejected r ? r.problems() : "").isInstanceOf(LoadResult.Loaded.class);
    Budget back = ((LoadResult.Loaded) read).budget();
    assertThat(BudgetWriter.write(back)).as("seed %d: written again, the same file", seed).isEqualTo(file);
    var before = TestBudgets.compute(b).document().graph();
    var after = TestBudgets.compute(back).document().graph();
    for (Figure f : before.all()) {
      assertThat(after.get(f.id()).cents()).as("seed %d figure %s after the round trip", seed, f.id()).isEqualTo(f.cents());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void transfersAreNeutral(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    for (int y = 0; y < b.version().years().size(); y++) {
      final int yearIndex = y;
      long net = 0;
      for (Proposal p : b.proposals()) {
        if (p.rule() == Proposal.Rule.TRANSFER) {
          net += (p.side() == Side.LASTEN ? 1 : -1) * c.document().computation().line(b.proposals().indexOf(p)).cents(y);
        }
      }
      assertThat(net).as("seed %d", seed).isZero();
      long legs = b.transfers().stream().flatMap(t -> t.legs().stream()).mapToLong(l -> l.amounts().cents(yearIndex)).sum();
      assertThat(legs).as("seed %d", seed).isZero();
    }
    assertThat(b.transfers()).extracting(Transfer::legs).allSatisfy(legs -> assertThat(legs).hasSize(2));
  }

  /** Tabel 1's change in lasten, recomputed here straight from the proposals, without the engine. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void changeInLastenIsTheSumOfAllLastenLines(long seed) {
    Budget b = budget(seed);
    var c = TestBudgets.compute(b);
    for (int y = 0; y < b.version().years().size(); y++) {
      long lasten = 0;
      for (Proposal p : b.proposals()) {
        if (p.side() == Side.LASTEN && p.rule() == Proposal.Rule.ENTERED) {
          lasten += p.amounts().cents(y);
        }
      }
      // transfer lines net to zero and the other computed lines are baten
      assertThat(c.cents("tabel-1/change.lasten/" + b.version().years().get(y))).as("seed %d", seed).isEqualTo(lasten);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void explainsArithmeticReproducesItsFigure(long seed) {
    var c = TestBudgets.compute(budget(seed));
    Explainer explainer = new Explainer(c.document(), c.printed());
    List<Figure> figures = new ArrayList<>(c.document().graph().all());
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 40; i++) {
      Figure f = figures.get(r.nextInt(figures.size()));
      Explanation e = explainer.explain(f);
      assertThat(e.arithmeticHolds()).as("seed %d figure %s", seed, f.id()).isTrue();
      assertThat(e.figure().cents()).isEqualTo(f.cents());
    }
  }
}
