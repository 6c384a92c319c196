package nl.begroot.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import org.junit.jupiter.api.Test;

/**
 * The annual accounts of the small test budget (TestBudgets.small, year 2026), every expected figure
 * calculated by hand from the inputs below (cents):
 *
 * <pre>
 * budget 2026: programme 1 lasten 100000; programme 2 lasten 50000, baten 150000; overhead 5: frame only, counts 0
 * realised:   1.1 lasten 89999; 2.1 lasten 55000, baten 1000; 2.2 baten 150000; pass-through on 2.1: in 20000, out 19000
 * deviations: p1 lasten -10001 (over 10 % of 100000: needs an explanation); p2 lasten +5000 (exactly 10 %: not over);
 *             p2 baten +1000 (0,67 %: no)      threshold € 200 or 10 %
 * result:     budget 150000 - 150000 = 0; realised 151000 - 144999 = 6001; deviation 6001
 * columns:    c1 (p1) = 0 - (-10001) = 10001, less 2000 to the general reserve = 8001;
 *             c2 (p2) = 1000 - 5000 = -4000;   settled 4001 = 6001 - 2000
 * key k 50/30/20: c1 8001 -> quotas 4000,5 2400,3 1600,2: floors 8000, the cent to A (largest remainder) -> 4001 2400 1600
 *                 c2 -4000 -> -2000 -1200 -800;   members A 2001, B 1200, C 800 (sum 4001)
 * pass-through: 20000 - 19000 = 1000 -> A 500, B 300, C 200
 * reserve:    opening 500000 + 2000 - 0 = 502000
 * </pre>
 */
public class AnnualAccountsTest {
  static final Threshold THRESHOLD = new Threshold(20_000, 10);

  static List<RealisedAmount> realised() {
    return List.of(
        new RealisedAmount("1.1", Side.LASTEN, MoneyKind.OWN, null, 2026, 6, 50_000),
        new RealisedAmount("1.1", Side.LASTEN, MoneyKind.OWN, null, 2026, 12, 39_999),
        new RealisedAmount("2.1", Side.LASTEN, MoneyKind.OWN, null, 2026, 12, 55_000),
        new RealisedAmount("2.1", Side.BATEN, MoneyKind.OWN, null, 2026, 12, 1_000),
        new RealisedAmount("2.2", Side.BATEN, MoneyKind.OWN, null, 2026, 1, 150_000),
        new RealisedAmount("2.1", Side.BATEN, MoneyKind.PASS_THROUGH, null, 2026, 3, 20_000),
        new RealisedAmount("2.1", Side.LASTEN, MoneyKind.PASS_THROUGH, null, 2026, 3, 19_000),
        new RealisedAmount("1.1", Side.LASTEN, MoneyKind.OWN, null, 2027, 1, 777_777)); // another year: passed over
  }

  static final List<Reserve> RESERVES = List.of(new Reserve("algemeen", "Algemene reserve", Reserve.Kind.GENERAL, "c1", 500_000, 2_000, 0));

  public static AnnualAccounts accounts(Map<String, String> explanations) {
    var c = Pipeline.compute(TestBudgets.load(TestBudgets.small("", ""))).computation();
    return AnnualAccounts.of(c, 2026, realised(), THRESHOLD, explanations, RESERVES);
  }

  @Test
  void theResultAndItsSettlementByHand() {
    AnnualAccounts a = accounts(Map.of());
    assertThat(a.result().budgeted()).isEqualTo(0);
    assertThat(a.result().realised()).isEqualTo(6_001);
    assertThat(a.result().deviation()).isEqualTo(6_001);
    assertThat(a.columns()).extracting(AnnualAccounts.SettledColumn::id).containsExactly("c1", "c2");
    assertThat(a.columns()).extracting(AnnualAccounts.SettledColumn::amount).containsExactly(8_001L, -4_000L);
    assertThat(a.columns().get(0).perMember()).containsExactly(4_001, 2_400, 1_600);
    assertThat(a.columns().get(1).perMember()).containsExactly(-2_000, -1_200, -800);
    assertThat(a.members()).extracting(AnnualAccounts.MemberSettlement::ownTotal).containsExactly(2_001L, 1_200L, 800L);
    assertThat(a.settled()).isEqualTo(4_001).isEqualTo(a.members().stream().mapToLong(AnnualAccounts.MemberSettlement::ownTotal).sum());
    assertThat(a.passThrough().settled()).isEqualTo(1_000);
    assertThat(a.passThrough().perMember()).containsExactly(500, 300, 200);
    assertThat(a.members()).extracting(AnnualAccounts.MemberSettlement::total).containsExactly(2_501L, 1_500L, 1_000L);
    assertThat(a.reserves().get(0).closing()).isEqualTo(502_000);
    assertThat(a.document().graph().get(AnnualAccounts.RESERVES + "/r-algemeen/eind").cents()).isEqualTo(502_000);
  }

  @Test
  void deviationsOverTheThresholdNeedAnExplanation() {
    AnnualAccounts a = accounts(Map.of());
    assertThat(a.deviations()).extracting(d -> d.key() + "=" + d.deviation() + (d.required() ? "!" : ""))
        .containsExactly("1/lasten=-10001!", "2/lasten=5000", "2/baten=1000");
    assertThat(a.missing()).extracting(AnnualAccounts.Deviation::key).containsExactly("1/lasten");
    AnnualAccounts explained = accounts(Map.of("1/lasten", "Vacatures later vervuld."));
    assertThat(explained.missing()).isEmpty();
    assertThat(explained.required()).extracting(AnnualAccounts.Deviation::explanation).containsExactly("Vacatures later vervuld.");
  }

  @Test
  void theThresholdComparesExactly() {
    Threshold t = new Threshold(10_000_000, 10);
    assertThat(t.exceeded(50_000_000, 5_000_000)).isFalse(); // 10 %, not over
    assertThat(t.exceeded(50_000_000, -5_000_001)).isTrue();
    assertThat(t.exceeded(500_000_000, 10_000_000)).isFalse(); // € 100.000, not over; 2 %
    assertThat(t.exceeded(500_000_000, 10_000_001)).isTrue();
    assertThat(t.exceeded(0, 1)).isTrue();
    assertThat(t.exceeded(0, 0)).isFalse();
    assertThat(Threshold.problems(-1, 101)).hasSize(2);
  }

  @Test
  void everyTableFootsInThousands() {
    AnnualAccounts a = accounts(Map.of());
    PrintedFigures printed = Pipeline.round(a.document());
    int sums = 0;
    for (Table table : a.document().tables()) {
      for (Table.Row row : table.rows()) {
        for (Table.Cell cell : row.cells()) {
          if (cell.figureId() == null) {
            continue;
          }
          for (List<Figure.Term> terms : a.document().graph().decompositions(cell.figureId())) {
            if (terms.stream().allMatch(t -> printed.thousands().containsKey(t.figureId()))) {
              long parts = terms.stream().mapToLong(t -> t.sign() * printed.thousands().get(t.figureId())).sum();
              assertThat(printed.thousands().get(cell.figureId())).as(cell.figureId()).isEqualTo(parts);
              sums++;
            }
          }
        }
      }
    }
    assertThat(sums).isGreaterThan(20);
    assertThat(a.document().tables()).extracting(Table::id).contains(AnnualAccounts.REALISATIE, AnnualAccounts.RESULTAAT,
        AnnualAccounts.RESERVES, AnnualAccounts.BESTEMMING, AnnualAccounts.AFREKENING, AnnualAccounts.KASSIERSFUNCTIE);
  }

  @Test
  void aReserveThatCannotBeIsRefusedInWords() {
    var c = Pipeline.compute(TestBudgets.load(TestBudgets.small("", ""))).computation();
    assertThatThrownBy(() -> AnnualAccounts.of(c, 2026, realised(), THRESHOLD, Map.of(),
        List.of(new Reserve("x", "Reserve X", Reserve.Kind.EARMARKED, "c1", 100, 0, 101))))
        .hasMessageContaining("Reserve X: the withdrawal is more than the reserve holds");
    assertThatThrownBy(() -> AnnualAccounts.of(c, 2026, realised(), THRESHOLD, Map.of(),
        List.of(new Reserve("x", "Reserve X", Reserve.Kind.EARMARKED, "total", 100, 0, 0))))
        .hasMessageContaining("'total' is not a column of the annex that gathers programmes");
    assertThatThrownBy(() -> AnnualAccounts.of(c, 2031, realised(), THRESHOLD, Map.of(), List.of())).hasMessageContaining("year 2031");
  }
}
