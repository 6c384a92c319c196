package nl.begroot.core;

import static nl.begroot.TestBudgets.small;
import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.TestBudgets;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One mechanic per test, one case per table row, written in the file format (amounts in euros; the
 * frame of {@link TestBudgets#small}: programme 1 lasten 1000, programme 2 lasten 500 and baten 1500).
 */
class MechanicsTest {

  private static long cents(Document d, String id) {
    return d.graph().get(id).cents();
  }

  @ParameterizedTest(name = "frame {0} + lasten {1} + baten {2} -> new lasten {3}, baten {4}, saldo {5}")
  @CsvSource(delimiter = '|', textBlock = """
      # programme 1 frame lasten | proposal lasten | proposal baten | new lasten | new baten | new saldo
        1000 | 250    | 0     | 1250  | 0   | 1250
        1000 | -1000  | 0     | 0     | 0   | 0
        1000 | 12.34  | 2.34  | 1012.34 | 2.34 | 1010
        1000 | 0      | 400   | 1000  | 400 | 600
      """)
  void newFrameIsFramePlusProposals(long frame, String lasten, String baten, String newLasten, String newBaten, String newSaldo) {
    Document d = TestBudgets.document(small("""
          - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: %s, 2027: %s}}
          - {id: b, unit: "1.1", title: B, side: baten, amounts: {2026: %s, 2027: %s}}
        """.formatted(lasten, lasten, baten, baten), ""));
    assertThat(cents(d, "programme-1/frame.lasten/2027")).isEqualTo(frame * 100);
    assertThat(cents(d, "programme-1/new.lasten/2027")).isEqualTo(euroCents(newLasten));
    assertThat(cents(d, "programme-1/new.baten/2027")).isEqualTo(euroCents(newBaten));
    assertThat(cents(d, "programme-1/new.saldo/2027")).isEqualTo(euroCents(newSaldo));
  }

  private static String negated(String euros) {
    return new java.math.BigDecimal(euros).negate().toPlainString();
  }

  private static long euroCents(String euros) {
    return new java.math.BigDecimal(euros).movePointRight(2).longValueExact();
  }

  @ParameterizedTest(name = "lasten {0}, other baten {1}, overhead {2} -> members pay {3} more")
  @CsvSource(delimiter = '|', textBlock = """
      # change in lasten (prog 1) | change in other baten (prog 2) | overhead lasten (prog 5) | balancing item
        100  | 0    | 0   | 100
        100  | 40   | 0   | 60
        0    | 250  | 0   | -250
        100  | 40   | 30  | 90
        -500 | -200 | 10  | -290
      """)
  void balancingItemIsChangeInLastenMinusChangeInOtherBaten(long lasten, long baten, long overhead, long balancing) {
    Document d = TestBudgets.document(small("""
          - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: %d, 2027: %d}}
          - {id: b, unit: "2.1", title: B, side: baten, amounts: {2026: %d, 2027: %d}}
          - {id: o, unit: "5", title: O, side: lasten, amounts: {2026: %d, 2027: %d}}
        """.formatted(lasten, lasten, baten, baten, overhead, overhead), ""));
    for (int year : new int[] {2026, 2027}) {
      assertThat(cents(d, "programme-2/balance/" + year)).isEqualTo(balancing * 100);
      assertThat(cents(d, "tabel-1/new.saldo/" + year)).as("the year balances").isZero();
      assertThat(cents(d, "tabel-1/change.lasten/" + year)).isEqualTo(cents(d, "tabel-1/change.baten/" + year));
    }
  }

  @ParameterizedTest(name = "transfer {0} from programme 1 to 2")
  @CsvSource(textBlock = """
      100
      0
      -37.5
      """)
  void transfersAreNeutral(String amount) {
    Document d = TestBudgets.document(small("""
          - {id: out, unit: "1.1", title: Out, side: lasten, rule: transfer}
          - {id: in, unit: "2.1", title: In, side: lasten, rule: transfer}
        """, """
          - id: t
            title: Task moves
            legs:
              - {line: out, amounts: {2026: %s, 2027: %s}}
              - {line: in, amounts: {2026: %s, 2027: %s}}
        """.formatted(negated(amount), negated(amount), amount, amount)));
    long a = euroCents(amount);
    assertThat(cents(d, "programme-1/change.lasten/2027")).isEqualTo(-a);
    assertThat(cents(d, "programme-2/change.lasten/2027")).isEqualTo(a);
    assertThat(cents(d, "tabel-1/change.lasten/2027")).isZero();
    assertThat(cents(d, "programme-2/balance/2027")).as("members pay nothing for a transfer").isZero();
  }

  @Test
  void transferLegsThatDoNotNetToZeroAreRefused() {
    LoadResult r = BudgetReader.read("t.yaml", small("""
          - {id: out, unit: "1.1", title: Out, side: lasten, rule: transfer}
          - {id: in, unit: "2.1", title: In, side: lasten, rule: transfer}
        """, """
          - id: t
            title: Task moves
            legs:
              - {line: out, amounts: {2026: -100, 2027: -100}}
              - {line: in, amounts: {2026: 100, 2027: 90}}
        """));
    assertThat(r).isInstanceOfSatisfying(LoadResult.Rejected.class,
        rejected -> assertThat(rejected.problems()).anySatisfy(p -> assertThat(p.message()).contains("does not net to zero in 2027")));
  }

  @ParameterizedTest(name = "overhead change {0} spread 25/75 -> {1} and {2}")
  @CsvSource(textBlock = """
      400, 100, 300
      0.03, 0.01, 0.02
      -0.03, -0.01, -0.02
      1, 0.25, 0.75
      0.01, 0, 0.01
      """)
  void overheadIsAViewWhoseChangesAreSpreadOverTheAnnexColumns(String change, String c1, String c2) {
    Document d = TestBudgets.document(small("""
          - {id: o, unit: "5", title: O, side: lasten, amounts: {2026: %s, 2027: %s}}
        """.formatted(change, change), ""));
    assertThat(cents(d, "bijlage-1-2027/bedrijfsvoering/c1")).isEqualTo(euroCents(c1));
    assertThat(cents(d, "bijlage-1-2027/bedrijfsvoering/c2")).isEqualTo(euroCents(c2));
    // the overhead frame (300) is not added to Tabel 1; its change is
    assertThat(cents(d, "tabel-1/frame.lasten/2027")).isEqualTo(150_000);
    assertThat(cents(d, "tabel-1/change.lasten/2027")).isEqualTo(euroCents(change));
  }

  @ParameterizedTest(name = "column change {0} by 50/30/20 -> {1} {2} {3}")
  @CsvSource(textBlock = """
      100, 50, 30, 20
      0.01, 0.01, 0, 0
      0.03, 0.01, 0.01, 0.01
      -0.03, -0.01, -0.01, -0.01
      0.04, 0.02, 0.01, 0.01
      1234.57, 617.29, 370.37, 246.91
      """)
  void eachColumnIsSplitOverTheMembersByItsKeyToTheCent(String change, String a, String b, String c) {
    Document d = TestBudgets.document(small("""
          - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: %s, 2027: %s}}
        """.formatted(change, change), ""));
    assertThat(cents(d, "bijlage-1-2027/A/c1")).isEqualTo(euroCents(a));
    assertThat(cents(d, "bijlage-1-2027/B/c1")).isEqualTo(euroCents(b));
    assertThat(cents(d, "bijlage-1-2027/C/c1")).isEqualTo(euroCents(c));
    assertThat(cents(d, "bijlage-1-2027/totaal/c1")).isEqualTo(euroCents(change));
  }

  @Test
  void pmCountsAsZeroAndShowsAsPm() {
    Document d = TestBudgets.document(small("""
          - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: 100, 2027: 100}}
          - {id: p, unit: "1.1", title: Not known yet, side: lasten, amounts: {2026: pm, 2027: pm}}
        """, ""));
    Figure pm = d.graph().get("programme-1/p/2027");
    assertThat(pm.display()).isEqualTo(Figure.Display.PM);
    assertThat(pm.cents()).isZero();
    assertThat(cents(d, "programme-1/change.lasten/2027")).isEqualTo(10_000);
    assertThat(d.computation().changeLastenHasPm(0, 1)).isTrue();
  }

  @ParameterizedTest(name = "recurring {0}, one-off {1}, coverage parts {2}/{3}")
  @CsvSource(textBlock = """
      100, 50, -30, -20
      0, 0, -10, 0
      """)
  void oneOffAndRecurringAreCountedApartAndBreakdownsCountByTheirOwnNature(long recurring, long oneOff, long coverOneOff, long coverRecurring) {
    Document d = TestBudgets.document(small("""
          - {id: r, unit: "1.1", title: R, side: lasten, nature: recurring, amounts: {2026: %d, 2027: %d}}
          - {id: o, unit: "1.1", title: O, side: lasten, nature: one-off, amounts: {2026: %d, 2027: %d}}
          - id: cover
            unit: "1.1"
            title: Coverage
            side: lasten
            nature: recurring
            amounts: {2026: %d, 2027: %d}
            breakdown:
              title: Coverage
              components:
                - {id: X, title: Once, nature: one-off, amounts: {2026: %d, 2027: %d}}
                - {id: Y, title: Always, nature: recurring, amounts: {2026: %d, 2027: %d}}
        """.formatted(recurring, recurring, oneOff, oneOff, coverOneOff + coverRecurring, coverOneOff + coverRecurring,
        coverOneOff, coverOneOff, coverRecurring, coverRecurring), ""));
    Computation c = d.computation();
    assertThat(c.structural(Computation.StructuralRow.RECURRING_LASTEN, 1)).isEqualTo((recurring + coverRecurring) * 100);
    assertThat(c.structural(Computation.StructuralRow.ONE_OFF_LASTEN, 1)).isEqualTo((oneOff + coverOneOff) * 100);
    assertThat(cents(d, "structureel/saldo/2027")).isEqualTo(cents(d, "programme-2/balance/2027"));
  }

  @Test
  void movingItemsToThePassThroughBudgetLowersTheContributionByTheSameAmount() {
    Document d = TestBudgets.document(small("""
          - {id: moved, unit: "1.1", title: Moved out, side: lasten, amounts: {2026: -70, 2027: -70}, pass_through: {items: [Platform]}}
          - {id: contribution, unit: "2.2", title: Lower contribution, side: baten, rule: pass-through-contribution}
        """, ""));
    assertThat(cents(d, "programme-2/contribution/2027")).isEqualTo(-7_000);
    assertThat(cents(d, "kassiersfunctie/total/2027")).isEqualTo(7_000);
    assertThat(cents(d, "programme-2/balance/2027")).as("the association's balance is untouched").isZero();
    assertThat(Engine.compute(d.computation().budget()).passThrough(0, 1)).isEqualTo(7_000);
  }
}
