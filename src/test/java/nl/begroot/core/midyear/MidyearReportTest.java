package nl.begroot.core.midyear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import org.junit.jupiter.api.Test;

/**
 * The Tussenrapportage's figures by hand: the small budget of {@link TestBudgets#small} (programme 1
 * lasten 1000; programme 2 lasten 500, baten 1500; the overhead view 5 lasten 300 inside them) with
 * one proposal of 200 more lasten in 1.1 in 2027, so the balancing line (2.2, baten) is 200 too.
 */
public class MidyearReportTest {
  private static final Computation BUDGET = Pipeline.compute(TestBudgets.load(TestBudgets.small("""
        - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: 0, 2027: 200}}
      """, ""))).computation();

  private static RealisedAmount lasten(String unit, int period, long cents) {
    return new RealisedAmount(unit, Side.LASTEN, MoneyKind.OWN, null, 2027, period, cents);
  }

  private static RealisedAmount baten(String unit, int period, long cents) {
    return new RealisedAmount(unit, Side.BATEN, MoneyKind.OWN, null, 2027, period, cents);
  }

  private static final List<RealisedAmount> REALISED = List.of(
      lasten("1.1", 3, 550_00), lasten("1.1", 7, 99_00), // period 7 is after June: left out
      lasten("2.1", 2, 123_45), baten("2.2", 1, 800_00), baten("2.1", 6, 10_00),
      new RealisedAmount("1.1", Side.LASTEN, MoneyKind.OWN, null, 2026, 3, 1_000_00)); // another year: left out

  private static Forecast f(String unit, long lasten, long baten) {
    return new Forecast(unit, lasten, baten, "reden " + unit);
  }

  private static MidyearReport.Row row(MidyearReport r, String id) {
    return r.rows().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  /** The small budget's report up to June with a forecast for every unit (the figures of the first test; also for the open data's test). */
  public static MidyearReport complete() {
    return MidyearReport.of(BUDGET, REALISED, 2027, 6, Map.of("1.1", f("1.1", 1150_00, 0), "2.1", f("2.1", 260_00, 20_00),
        "2.2", f("2.2", 240_00, 1700_50), "5", f("5", 0, 0)));
  }

  /** The budget the report is made of (the small budget with 200 more lasten in 1.1 in 2027). */
  public static nl.begroot.core.model.Budget budget() {
    return BUDGET.budget();
  }

  @Test
  void budgetRealisedForecastAndDeviationPerProgrammeAndInTotal() {
    MidyearReport r = complete();
    // programme 1: budget 1000 + 200; realised 550 (period 7 and 2026 left out); forecast 1150; deviation 1150 - 1200
    MidyearReport.Row p1 = row(r, "programma-1");
    assertThat(p1.lasten()).isEqualTo(new MidyearReport.Line(1200_00L, 550_00L, 1150_00L));
    assertThat(p1.lasten().deviation()).isEqualTo(-50_00L);
    // programme 2: lasten budget 500, realised 123,45, forecast 260 + 240; baten budget 1500 + 200 (balancing),
    // realised 800 + 10, forecast 20 + 1700,50, deviation 1720,50 - 1700
    MidyearReport.Row p2 = row(r, "programma-2");
    assertThat(p2.lasten()).isEqualTo(new MidyearReport.Line(500_00L, 123_45L, 500_00L));
    assertThat(p2.lasten().deviation()).isZero();
    assertThat(p2.baten()).isEqualTo(new MidyearReport.Line(1700_00L, 810_00L, 1720_50L));
    assertThat(p2.baten().deviation()).isEqualTo(20_50L);
    assertThat(row(r, "eenheid-2.2").baten()).isEqualTo(new MidyearReport.Line(null, 800_00L, 1700_50L));
    assertThat(row(r, "eenheid-2.2").reason()).isEqualTo("reden 2.2");
    // the overhead view counts with its proposals only (none): budget 0, not its frame of 300
    assertThat(row(r, "programma-5").lasten().budget()).isZero();
    // total: budget 1200 + 500 + 0 = Tabel 1's new lasten (1500 + 200); forecast 1150 + 500 + 0
    assertThat(r.total().lasten()).isEqualTo(new MidyearReport.Line(1700_00L, 673_45L, 1650_00L));
    assertThat(r.total().lasten().deviation()).isEqualTo(-50_00L);
    assertThat(r.total().baten()).isEqualTo(new MidyearReport.Line(1700_00L, 810_00L, 1720_50L));
    assertThat(r.total().lasten().budget()).isEqualTo(BUDGET.totalFrameLasten(1) + BUDGET.totalChangeLasten(1));
    assertThat(r.complete()).isTrue();
  }

  @Test
  void aProgrammeWithAUnitWithoutForecastHasNoForecastNorDeviationAndNeitherHasTheTotal() {
    MidyearReport r = MidyearReport.of(BUDGET, REALISED, 2027, 6, Map.of("1.1", f("1.1", 1150_00, 0), "2.1", f("2.1", 260_00, 20_00)));
    assertThat(row(r, "programma-1").lasten().deviation()).isEqualTo(-50_00L);
    assertThat(row(r, "programma-2").lasten().forecast()).isNull();
    assertThat(row(r, "programma-2").lasten().deviation()).isNull();
    assertThat(row(r, "eenheid-2.1").lasten().forecast()).isEqualTo(260_00L);
    assertThat(r.total().lasten().forecast()).isNull();
    assertThat(r.complete()).isFalse();
    PrintedFigures printed = Pipeline.round(r.document());
    Table t = r.document().table(MidyearReport.LASTEN).orElseThrow();
    assertThat(t.row("programma-2").cells().get(2).figureId()).isNull();
    assertThat(printed.value(true, MidyearReport.fig(MidyearReport.LASTEN, "programma-1", MidyearReport.DEVIATION))).isPresent();
  }

  /**
   * Printed in thousands the tables foot: units 1,4 + 1,4 (exact 2,8) cannot both print 1 under a
   * programme printed 3, nor the deviation be anything but printed forecast minus printed budget.
   */
  @Test
  void printedTablesFootAndStayWithinOneThousandOfTheExactFigures() {
    MidyearReport r = MidyearReport.of(BUDGET, List.of(lasten("2.1", 1, 1_400_00), lasten("2.2", 1, 1_400_00), lasten("1.1", 2, 1_600_00)),
        2027, 6, Map.of("1.1", f("1.1", 1_400_00, 400_00), "2.1", f("2.1", 1_400_00, 1_400_00), "2.2", f("2.2", 1_400_00, 1_400_00),
            "5", f("5", 600_00, 0)));
    PrintedFigures printed = Pipeline.round(r.document());
    for (Table t : r.document().tables()) {
      for (Table.Row row : t.rows()) {
        for (Table.Cell c : row.cells()) {
          if (c.figureId() != null) {
            long exact = r.document().graph().get(c.figureId()).cents();
            long p = printed.value(true, c.figureId()).orElseThrow();
            assertThat(Math.abs(p * 100_000 - exact)).as(c.figureId()).isLessThan(100_000);
          }
        }
      }
      for (String column : List.of(MidyearReport.BUDGET, MidyearReport.REALISED, MidyearReport.FORECAST, MidyearReport.DEVIATION)) {
        long programmes = 0;
        for (String p : List.of("programma-1", "programma-2", "programma-5")) {
          programmes += printed.value(true, MidyearReport.fig(t.id(), p, column)).orElseThrow();
        }
        assertThat(printed.value(true, MidyearReport.fig(t.id(), "totaal", column)).orElseThrow()).as(t.id() + " " + column).isEqualTo(programmes);
      }
      for (String column : List.of(MidyearReport.REALISED, MidyearReport.FORECAST)) {
        long units = printed.value(true, MidyearReport.fig(t.id(), "eenheid-2.1", column)).orElseThrow()
            + printed.value(true, MidyearReport.fig(t.id(), "eenheid-2.2", column)).orElseThrow();
        assertThat(printed.value(true, MidyearReport.fig(t.id(), "programma-2", column)).orElseThrow()).as(t.id() + " 2 " + column).isEqualTo(units);
      }
      for (String row : List.of("programma-1", "programma-2", "programma-5", "totaal")) {
        assertThat(printed.value(true, MidyearReport.fig(t.id(), row, MidyearReport.DEVIATION)).orElseThrow()).as(t.id() + " " + row)
            .isEqualTo(printed.value(true, MidyearReport.fig(t.id(), row, MidyearReport.FORECAST)).orElseThrow()
                - printed.value(true, MidyearReport.fig(t.id(), row, MidyearReport.BUDGET)).orElseThrow());
      }
    }
    // the exact sums: programme 2's realised lasten 1.400 + 1.400, in thousands 2,8: printed 3 (within 1, and its units 1 + 2 or 2 + 1)
    assertThat(printed.value(true, MidyearReport.fig(MidyearReport.LASTEN, "programma-2", MidyearReport.REALISED)).orElseThrow()).isEqualTo(3);
  }

  @Test
  void forecastRulesTakeWholeEurosAndSayWhatIsWrongWhere() {
    var b = BUDGET.budget();
    ForecastRules.Checked ok = ForecastRules.check(b, "2.1", "1.250.000", " -3000 ", "  Vacatures later ingevuld  ");
    assertThat(ok.forecast()).isEqualTo(new Forecast("2.1", 125_000_000L, -300_000L, "Vacatures later ingevuld"));
    ForecastRules.Checked bad = ForecastRules.check(b, "9.9", "12,5", "", "x".repeat(ForecastRules.MAX_REASON + 1));
    assertThat(bad.forecast()).isNull();
    assertThat(bad.problems()).extracting(ForecastRules.Problem::field).containsExactly("unit", "lasten", "baten", "reason");
    assertThat(bad.problems().get(1).nl()).contains("'12,5'").contains("hele euro");
    assertThat(bad.problems().get(3).en()).contains("2001 characters");
    assertThat(ForecastRules.check(b, "1.1", "1", "1", " ").problems()).extracting(ForecastRules.Problem::field).containsExactly("reason");
    assertThat(ForecastRules.check(b, "1.1", "1000000000001", "0", "r").problems()).extracting(ForecastRules.Problem::field)
        .containsExactly("lasten");
    // the smallest long: its absolute value is negative, so a check by Math.abs would let it through and x100 would wrap
    assertThat(ForecastRules.check(b, "1.1", "1", String.valueOf(Long.MIN_VALUE), "r").problems()).extracting(ForecastRules.Problem::field)
        .containsExactly("baten");
    assertThat(ForecastRules.check(b, "1.1", "-1.000.000.000.001", "0", "r").problems()).extracting(ForecastRules.Problem::field)
        .containsExactly("lasten");
  }
}
