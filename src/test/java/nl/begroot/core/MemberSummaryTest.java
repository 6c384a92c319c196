package nl.begroot.core;

import static nl.begroot.core.KeyFiguresTest.ONTLEDEN;
import static nl.begroot.core.KeyFiguresTest.P1;
import static nl.begroot.core.KeyFiguresTest.P2;
import static nl.begroot.core.KeyFiguresTest.P3;
import static nl.begroot.core.KeyFiguresTest.P4;
import static nl.begroot.core.KeyFiguresTest.P5;
import static nl.begroot.core.KeyFiguresTest.euros;
import static nl.begroot.core.KeyFiguresTest.in;
import static nl.begroot.core.KeyFiguresTest.shareOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
import nl.begroot.core.pipeline.MemberSummary;
import nl.begroot.core.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * The core's member summary for Gelderland in the Conceptbegroting 2027, against figures worked
 * out by hand from the file's amounts and keys ({@link KeyFiguresTest} writes the steps out) and
 * against the seed's printed Bijlage 1 row (Gelderland: -11, -172, -122, 23, 215, 773; total 705;
 * LVVN 359, in thousands). Nothing expected here is read from Begroot's output.
 */
class MemberSummaryTest {
  private static final Budget IPO = TestBudgets.ipo();
  private static final Member GE = IPO.members().stream().filter(m -> m.id().equals("GE")).findFirst().orElseThrow();
  private static final MemberSummary SUMMARY = Pipeline.compute(IPO).memberSummary(GE);

  /** Gelderland's share of the IPO key as a fraction: 10,67 of a total of 100,02. */
  private static final BigDecimal SHARE = new BigDecimal("10.67").divide(new BigDecimal("100.02"), 20, RoundingMode.HALF_EVEN);

  /** Te verdelen per column of Bijlage 1 2027, in cents, as KeyFiguresTest derives it (Bedrijfsvoering spread 7,1512 / 31,6988 / 61,15 %). */
  private static Map<String, Long> toDistribute2027() {
    long bv = euros(P5);
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("1", euros(P1) + bv * 71_512 / 1_000_000);
    m.put("2", euros(P2 - in("2.3-lvvn")) + bv * 316_988 / 1_000_000);
    m.put("3a", euros(P3 - in("3.2-anlb") - in("3.2-natuurmonitoring-baten", "3.3-lvvn", "3.6-risicokaart-baten")) + bv * 611_500 / 1_000_000);
    m.put("3b", euros(in("3.2-anlb")));
    m.put("4a", euros(P4));
    m.put("4b", euros(-ONTLEDEN));
    return m;
  }

  @Test
  void theLinesOf2027AreGelderlandsShareOfEachColumnThenTheLvvnMoney() {
    List<MemberSummary.Line> lines = SUMMARY.lines(2027);
    assertThat(lines).extracting(MemberSummary.Line::code).containsExactly("1", "2", "3a", "3b", "4a", "4b", "lvvn");
    Map<String, Long> toDistribute = toDistribute2027();
    for (MemberSummary.Line l : lines.subList(0, 6)) {
      long expected = shareOf("GE", toDistribute.get(l.code()), l.code().equals("3b") ? "natuur-3b" : "ipo");
      assertThat(l.cents()).as("column %s", l.code()).isEqualTo(expected);
      assertThat(l.passThrough()).isFalse();
    }
    // LVVN via provinciefonds: the two LVVN baten lines, 300.000 + 3.063.000, split by the IPO key
    MemberSummary.Line lvvn = lines.get(6);
    assertThat(lvvn.passThrough()).isTrue();
    assertThat(lvvn.cents()).isEqualTo(shareOf("GE", euros(in("2.3-lvvn", "3.3-lvvn")), "ipo"));
    // the seed's printed row, within 1 thousand of each exact line
    long[] seed = {-11, -172, -122, 23, 215, 773, 359};
    for (int i = 0; i < seed.length; i++) {
      assertThat(Math.abs(lines.get(i).cents() - seed[i] * 100_000)).as("column %s near the seed's %d", lines.get(i).code(), seed[i])
          .isLessThan(100_000);
    }
  }

  @Test
  void theChangeOfEachYearIsTheSumOfItsContributionLinesAndThePassThroughMoneyStaysApart() {
    assertThat(SUMMARY.change()).extracting(MemberSummary.YearAmount::year).containsExactlyElementsOf(IPO.version().years());
    for (MemberSummary.YearAmount a : SUMMARY.change()) {
      long lines = SUMMARY.lines(a.year()).stream().filter(l -> !l.passThrough()).mapToLong(MemberSummary.Line::cents).sum();
      assertThat(a.cents()).as("change %d", a.year()).isEqualTo(lines);
      long pass = SUMMARY.lines(a.year()).stream().filter(MemberSummary.Line::passThrough).mapToLong(MemberSummary.Line::cents).sum();
      assertThat(SUMMARY.thirdParty(a.year()).orElseThrow().cents()).isEqualTo(pass);
    }
    MemberSummary.YearAmount y2027 = SUMMARY.change(2027).orElseThrow();
    assertThat(y2027.printedThousands()).as("the seed prints 705 for Gelderland").isEqualTo(705);
    assertThat(SUMMARY.thirdParty(2027).orElseThrow().printedThousands()).as("the seed prints 359").isEqualTo(359);
    assertThat(SUMMARY.thirdPartyTitle()).isEqualTo("LVVN via provinciefonds");
  }

  /**
   * The five largest parts, by hand: a proposal's part is its effect on the saldo times Gelderland's
   * share of its column (about 10,67 / 100,02): 4.2 ontleden (+7.243.000, column 4b) 772.673,57,
   * 2.1 ontleden (-4.071.000) -434.288,84, 4.1 dekkingsvoorstellen (-3.200.000) -341.371,73, 3.3 LVVN
   * baten (3.063.000, which column 3a subtracts, see KeyFiguresTest: the LVVN money reaches the
   * association through the provinces, apart) -326.756,75, 3.3 wolven (+2.893.000) 308.621,37 euros.
   */
  @Test
  void theReasonsAreTheProposalsWithTheLargestPartsInGelderlandsChange() {
    Map<String, Long> saldoEffect = new LinkedHashMap<>();
    saldoEffect.put("4.2-ontleden", euros(-ONTLEDEN));
    saldoEffect.put("2.1-ontleden", euros(in("2.1-ontleden")));
    saldoEffect.put("4.1-dekkingsvoorstellen", euros(in("4.1-dekkingsvoorstellen")));
    saldoEffect.put("3.3-lvvn", -euros(in("3.3-lvvn"))); // baten: lowers the saldo
    saldoEffect.put("3.3-wolven", euros(in("3.3-wolven")));
    List<MemberSummary.Reason> top = SUMMARY.reasons().subList(0, 5);
    assertThat(top).extracting(MemberSummary.Reason::proposalId).containsExactlyElementsOf(saldoEffect.keySet());
    for (MemberSummary.Reason r : top) {
      long byKey = SHARE.multiply(BigDecimal.valueOf(saldoEffect.get(r.proposalId()))).setScale(0, RoundingMode.HALF_UP).longValueExact();
      // the column's split gives Gelderland its share to the cent (largest remainder): a few cents from the key's ratio
      assertThat(Math.abs(r.memberCents() - byKey)).as("%s: %d against %d by the key", r.proposalId(), r.memberCents(), byKey).isLessThan(5);
    }
    // column 4b holds only the 4.2 line, so its part is Gelderland's whole figure in 4b
    assertThat(top.get(0).memberCents()).isEqualTo(shareOf("GE", euros(-ONTLEDEN), "ipo"));
    // all parts together are the change, up to one cent per part
    long sum = SUMMARY.reasons().stream().mapToLong(MemberSummary.Reason::memberCents).sum();
    assertThat(Math.abs(sum - SUMMARY.change(2027).orElseThrow().cents())).isLessThanOrEqualTo(SUMMARY.reasons().size());
  }

  @Test
  void theKeyShareIsTheKeysAndBijlage1sNormalisedOne() {
    MemberSummary.KeyShare k = SUMMARY.key();
    assertThat(k.keyId()).isEqualTo("ipo");
    assertThat(k.percent()).isEqualByComparingTo("10.67");
    assertThat(k.sumPercent()).isEqualByComparingTo("100.02"); // 6,80 + 9,49 + ... + 8,25, by hand
    assertThat(k.normalised()).isTrue();
    // 10,67 x 100 / 100,02 = 10,66786...: to four decimals 10,6679
    assertThat(k.effectivePercent()).isEqualByComparingTo("10.6679");
    // Bijlage 1 prints hundredths that add up to 100,00: within a hundredth of the exact share
    assertThat(k.printedPercent().subtract(new BigDecimal("10.66786")).abs()).isLessThan(new BigDecimal("0.01"));
    assertThat(SUMMARY.otherKeys()).singleElement().satisfies(o -> {
      assertThat(o.columnId()).isEqualTo("3b");
      assertThat(o.percent()).isEqualByComparingTo("13.6095");
    });
  }
}
