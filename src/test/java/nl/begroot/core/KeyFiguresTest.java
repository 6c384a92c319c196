package nl.begroot.core;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.begroot.TestBudgets;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import org.junit.jupiter.api.Test;

/**
 * The key figures of the Conceptbegroting 2027, worked out by hand from the amounts and keys
 * entered in {@code conceptbegroting-ipo-2027.yaml}, the way DOMAIN.md explains them: the balancing
 * item (4.2 Hogere bijdrage provincies), Tabel 1 for 2027 and Gelderland's contribution change for
 * 2027 in Bijlage 1. The steps are written out with their numbers; each is compared, in cents, with
 * what the engine computes. None of the expected numbers comes from Begroot's output.
 *
 * <p>Printed thousands are only checked as "within 1 of the exact value" (controlled rounding may
 * choose either neighbour); the exact cents say the rest.
 */
class KeyFiguresTest {
  private static final Budget IPO = TestBudgets.ipo();
  private static final TestBudgets.Computed COMPUTED = TestBudgets.compute(IPO);
  private static final int Y2027 = IPO.version().yearIndex(2027);

  /** Euros as the file enters them, in cents. */
  static long euros(long euros) {
    return euros * 100;
  }

  // ------------------------------------------------------------------ step 0: the inputs

  /** Every entered line's amount for 2027, in euros, as the file has it ("pm" and blank count as 0). */
  private static final Map<String, Long> ENTERED_2027 = Map.ofEntries(
      entry("1.1-samenwerking-av", 70_000L), entry("1.1-ontleden", -417_000L),
      entry("2.1-capaciteit-water", 350_000L), entry("2.1-ontleden", -4_071_000L),
      entry("2.3-natuurherstelverordening", 300_000L), entry("2.3-monitor-gebiedsgericht", 75_000L),
      entry("2.3-gewasbescherming", 0L), entry("2.3-lerend-netwerk-natuur", 50_000L), entry("2.7-soc", 581_000L),
      entry("2.3-lvvn", 300_000L), // baten, LVVN money
      entry("3.1-ontleden", -1_936_000L), entry("3.2-anlb", 170_000L), entry("3.2-pilot-weidevogels", 0L),
      entry("3.2-natuurmonitoring", 0L), entry("3.2-ontleden", -819_000L), entry("3.3-wolven", 2_893_000L),
      entry("3.6-risicokaart", -180_000L),
      entry("3.2-natuurmonitoring-baten", 0L), entry("3.3-lvvn", 3_063_000L), entry("3.6-risicokaart-baten", -180_000L), // baten
      entry("4.1-loon-prijscompensatie", 2_750_000L), entry("4.1-herstel-dekking", 2_463_000L),
      entry("4.1-dekkingsvoorstellen", -3_200_000L),
      entry("5-projectmanagement", 350_000L), entry("5-hrm", 750_000L), entry("5-financieel", 950_000L),
      entry("5-informatievoorziening", 1_000_000L), entry("5-algemeen", 0L), entry("5-inkoop", 50_000L),
      entry("5-cio", 75_000L), entry("5-vangnet", 250_000L));

  @Test
  void theInputsAreTheAmountsOfTheFile() {
    List<String> entered = new ArrayList<>();
    for (Proposal p : IPO.proposals()) {
      if (p.rule() == Proposal.Rule.ENTERED) {
        entered.add(p.id());
        assertThat(ENTERED_2027).as("the hand calculation lists %s", p.id()).containsKey(p.id());
        assertThat(p.amounts().cents(Y2027)).as("%s in 2027", p.id()).isEqualTo(euros(ENTERED_2027.get(p.id())));
      }
    }
    assertThat(new TreeSet<>(entered)).isEqualTo(new TreeSet<>(ENTERED_2027.keySet()));
    // the two transfers: AERIUS from 2.3 to 3.1 (227.000), Risicokaart from 3.1 to 2.1 (540.000)
    assertThat(leg("2.3-overheveling-aerius")).isEqualTo(euros(-227_000));
    assertThat(leg("2.1-overheveling-risicokaart")).isEqualTo(euros(540_000));
    assertThat(leg("3.1-overheveling-vanuit-deel-2")).isEqualTo(euros(227_000 - 540_000));
    // the frames of 2027 (lasten, baten) of programmes 1-4; programme 5's is inside them
    long[][] frames = {{4_924_000, 0}, {25_620_000, 0}, {50_866_000, 1_929_000}, {2_009_000, 81_490_000}};
    for (int p = 0; p < 4; p++) {
      var programme = IPO.programme(String.valueOf(p + 1)).orElseThrow();
      assertThat(programme.frameLasten().cents(Y2027)).isEqualTo(euros(frames[p][0]));
      assertThat(programme.frameBaten().cents(Y2027)).isEqualTo(euros(frames[p][1]));
    }
    assertThat(IPO.programme("5").orElseThrow().overheadView()).isTrue();
    // the keys: Gelderland 10,67 of a printed total of 100,02; in column 3b 13,6095 of 100,0000
    assertThat(IPO.key("ipo").orElseThrow().sharesPercent().get("GE")).isEqualByComparingTo("10.67");
    assertThat(IPO.key("ipo").orElseThrow().sumPercent()).isEqualByComparingTo("100.02");
    assertThat(IPO.key("natuur-3b").orElseThrow().sharesPercent().get("GE")).isEqualByComparingTo("13.6095");
    assertThat(IPO.key("natuur-3b").orElseThrow().sumPercent()).isEqualByComparingTo("100.0000");
    assertThat(IPO.programme("5").orElseThrow().spread()).containsOnlyKeys("1", "2", "3a");
  }

  private static long leg(String line) {
    return IPO.transfers().stream().flatMap(t -> t.legs().stream()).filter(l -> l.line().equals(line))
        .mapToLong(l -> l.amounts().cents(Y2027)).sum();
  }

  static long in(String... ids) {
    long sum = 0;
    for (String id : ids) {
      sum += ENTERED_2027.get(id);
    }
    return sum;
  }

  // ------------------------------------------------------------------ step 1: changes per programme, 2027

  /** Change in lasten per programme, in euros: the sum of its lasten lines (pm counts 0). */
  static final long P1 = in("1.1-samenwerking-av", "1.1-ontleden"); // 70.000 - 417.000
  static final long P2 = in("2.1-capaciteit-water", "2.1-ontleden", "2.3-natuurherstelverordening",
      "2.3-monitor-gebiedsgericht", "2.3-gewasbescherming", "2.3-lerend-netwerk-natuur", "2.7-soc")
      + 540_000 - 227_000; // Risicokaart comes in, AERIUS goes out
  static final long P3 = in("3.1-ontleden", "3.2-anlb", "3.2-pilot-weidevogels", "3.2-natuurmonitoring",
      "3.2-ontleden", "3.3-wolven", "3.6-risicokaart") + 227_000 - 540_000; // AERIUS in, Risicokaart out
  static final long P4 = in("4.1-loon-prijscompensatie", "4.1-herstel-dekking", "4.1-dekkingsvoorstellen");
  static final long P5 = in("5-projectmanagement", "5-hrm", "5-financieel", "5-informatievoorziening",
      "5-algemeen", "5-inkoop", "5-cio", "5-vangnet");
  /** The members' contribution that leaves with the items moved to the kassiersfunctie (4.2, baten). */
  static final long ONTLEDEN = in("1.1-ontleden", "2.1-ontleden", "3.1-ontleden", "3.2-ontleden");
  /** Change in baten other than the balancing item. */
  private static final long OTHER_BATEN = in("2.3-lvvn", "3.2-natuurmonitoring-baten", "3.3-lvvn", "3.6-risicokaart-baten") + ONTLEDEN;

  @Test
  void changesPerProgramme2027() {
    assertThat(P1).isEqualTo(-347_000);
    assertThat(P2).isEqualTo(350_000 - 4_071_000 + 300_000 + 75_000 + 0 + 50_000 + 581_000 + 540_000 - 227_000).isEqualTo(-2_402_000);
    assertThat(P3).isEqualTo(-1_936_000 + 170_000 + 0 + 0 - 819_000 + 2_893_000 - 180_000 + 227_000 - 540_000).isEqualTo(-185_000);
    assertThat(P4).isEqualTo(2_750_000 + 2_463_000 - 3_200_000).isEqualTo(2_013_000);
    assertThat(P5).isEqualTo(350_000 + 750_000 + 950_000 + 1_000_000 + 0 + 50_000 + 75_000 + 250_000).isEqualTo(3_425_000);
    assertThat(ONTLEDEN).isEqualTo(-417_000 - 4_071_000 - 1_936_000 - 819_000).isEqualTo(-7_243_000);
    long[] lasten = {P1, P2, P3, P4, P5};
    for (int p = 0; p < 5; p++) {
      assertThat(COMPUTED.cents("programme-" + (p + 1) + "/change.lasten/2027")).as("programme %d", p + 1).isEqualTo(euros(lasten[p]));
    }
  }

  // ------------------------------------------------------------------ step 2: the balancing item

  /** Total change in lasten minus total change in all other baten (DOMAIN.md, 4). */
  @Test
  void balancingItem2027() {
    long lasten = P1 + P2 + P3 + P4 + P5;
    assertThat(lasten).isEqualTo(2_504_000);
    assertThat(OTHER_BATEN).isEqualTo(300_000 + 0 + 3_063_000 - 180_000 - 7_243_000).isEqualTo(-4_060_000);
    long balancing = lasten - OTHER_BATEN;
    assertThat(balancing).isEqualTo(6_564_000);
    assertThat(COMPUTED.cents("programme-4/4.2-hogere-bijdrage/2027")).isEqualTo(euros(balancing));
  }

  /**
   * The balancing item of every year, from the file's lines by the same rule (transfer lines are the
   * sum of their legs; the pass-through contribution is the moved items as saldo), in cents; and the
   * document's own printed figure for 4.2 is within 1 thousand of it.
   */
  @Test
  void balancingItemEveryYear() {
    PrintedDocument.PrintedRow printed = IPO.printed().tables().stream().filter(t -> t.table().equals("programme-4"))
        .findFirst().orElseThrow().rows().get("4.2-hogere-bijdrage");
    List<Integer> years = IPO.version().years();
    for (int y = 0; y < years.size(); y++) {
      final int yi = y;
      long lasten = 0;
      long otherBaten = 0;
      for (Proposal p : IPO.proposals()) {
        long v = switch (p.rule()) {
          case ENTERED -> p.amounts().cents(y);
          case TRANSFER -> IPO.transfers().stream().flatMap(t -> t.legs().stream()).filter(l -> l.line().equals(p.id()))
              .mapToLong(l -> l.amounts().cents(yi)).sum();
          case PASS_THROUGH_CONTRIBUTION -> IPO.proposals().stream().filter(Proposal::passThrough)
              .mapToLong(m -> (m.side() == Side.LASTEN ? 1 : -1) * m.amounts().cents(yi)).sum();
          case BALANCING -> 0;
        };
        if (p.side() == Side.LASTEN) {
          lasten += v;
        } else {
          otherBaten += v;
        }
      }
      long exact = COMPUTED.cents("programme-4/4.2-hogere-bijdrage/" + years.get(y));
      assertThat(exact).as("4.2 in %d", years.get(y)).isEqualTo(lasten - otherBaten);
      long documentPrinted = Long.parseLong(printed.cells().get(y).replace(".", "")) * 100_000;
      assertThat(Math.abs(documentPrinted - exact)).as("the document's 4.2 for %d is within 1 thousand", years.get(y)).isLessThan(100_000);
    }
  }

  // ------------------------------------------------------------------ step 3: Tabel 1, 2027

  @Test
  void tabel1In2027() {
    long frameLasten = 4_924_000 + 25_620_000 + 50_866_000 + 2_009_000; // programmes 1-4; 5 is a view
    long frameBaten = 0 + 0 + 1_929_000 + 81_490_000;
    assertThat(frameLasten).isEqualTo(83_419_000).isEqualTo(frameBaten);
    long changeLasten = P1 + P2 + P3 + P4 + P5; // 2.504.000
    long changeBaten = OTHER_BATEN + 6_564_000; // -4.060.000 + the balancing item
    long newLasten = frameLasten + changeLasten;
    long newBaten = frameBaten + changeBaten;
    assertThat(newLasten).isEqualTo(85_923_000).isEqualTo(newBaten);
    Map<String, Long> expected = Map.of("frame.lasten", frameLasten, "frame.baten", frameBaten, "frame.saldo", 0L,
        "change.lasten", changeLasten, "change.baten", changeBaten, "new.lasten", newLasten, "new.baten", newBaten, "new.saldo", 0L);
    expected.forEach((row, value) -> {
      String id = "tabel-1/" + row + "/2027";
      assertThat(COMPUTED.cents(id)).as(id).isEqualTo(euros(value));
      assertWithinOneThousand(id, euros(value));
    });
  }

  // ------------------------------------------------------------------ step 4: Bijlage 1, Gelderland 2027

  /**
   * Gelderland's contribution change for 2027. Per column of Bijlage 1: Totaal per deel (lasten minus
   * baten of the lines the column claims), plus its share of Bedrijfsvoering (programme 5's change,
   * spread 7,1512 / 31,6988 / 61,1500 % over columns 1, 2, 3a), is the Te verdelen bedrag; Gelderland
   * pays 10,67 / 100,02 of it (column 3b: 13,6095 / 100,0000), in cents by largest remainder.
   */
  @Test
  void gelderland2027() {
    // Totaal per deel, in euros
    long col1 = P1; // -347.000
    long col2 = P2 - in("2.3-lvvn"); // -2.402.000 - 300.000 baten = -2.702.000
    long col3b = in("3.2-anlb"); // column 3b names this line
    long col3a = P3 - col3b - in("3.2-natuurmonitoring-baten", "3.3-lvvn", "3.6-risicokaart-baten"); // -185.000 - 170.000 - 2.883.000
    long col4a = P4; // 4.1's lines; 4.2's balancing line is the annex total, its ontleden line is column 4b
    long col4b = -ONTLEDEN; // a baten line of -7.243.000 raises the saldo by 7.243.000
    assertThat(new long[] {col1, col2, col3a, col3b, col4a, col4b})
        .containsExactly(-347_000, -2_702_000, -3_238_000, 170_000, 2_013_000, 7_243_000);
    // Bedrijfsvoering 3.425.000 euros = 342.500.000 cents, spread over 1.000.000 parts: exact, no cent left over
    long bv = euros(P5);
    long bv1 = bv * 71_512 / 1_000_000;
    long bv2 = bv * 316_988 / 1_000_000;
    long bv3a = bv * 611_500 / 1_000_000;
    assertThat(new long[] {bv1, bv2, bv3a}).containsExactly(24_492_860, 108_568_390, 209_438_750);
    assertThat(bv1 + bv2 + bv3a).isEqualTo(bv);
    // Te verdelen bedrag, in cents
    Map<String, Long> toDistribute = Map.of("1", euros(col1) + bv1, "2", euros(col2) + bv2, "3a", euros(col3a) + bv3a,
        "3b", euros(col3b), "4a", euros(col4a), "4b", euros(col4b));
    assertThat(toDistribute.values().stream().mapToLong(Long::longValue).sum())
        .as("the columns together are the balancing item").isEqualTo(euros(6_564_000));
    long gelderland = 0;
    for (var column : toDistribute.entrySet()) {
      String key = column.getKey().equals("3b") ? "natuur-3b" : "ipo";
      long share = shareOf("GE", column.getValue(), key);
      assertThat(COMPUTED.cents("bijlage-1-2027/te-verdelen/" + column.getKey())).as("te verdelen %s", column.getKey())
          .isEqualTo(column.getValue());
      assertThat(COMPUTED.cents("bijlage-1-2027/GE/" + column.getKey())).as("Gelderland, column %s", column.getKey()).isEqualTo(share);
      gelderland += share;
    }
    // e.g. column 4b: 724.300.000 x 1067 / 10002 = 77.267.356,43... cents, rounded down, plus one of the
    // missing cents if Gelderland's remainder ranks high enough among the twelve
    assertThat(gelderland).isBetween(70_500_000L, 70_550_000L); // about € 705.240: the "exact 705,24"
    assertThat(COMPUTED.cents("bijlage-1-2027/GE/total")).isEqualTo(gelderland);
    assertWithinOneThousand("bijlage-1-2027/GE/total", gelderland);
  }

  /**
   * A member's part of {@code cents} by a key, by the rule of largest remainder written out: each
   * member first gets {@code |cents| x share / sum of shares} rounded down; the cents still missing
   * (fewer than there are members) go one each to the members with the largest remainders, the
   * earlier member in the key's order first on a tie; a negative amount is split as its absolute
   * value and the parts negated.
   */
  static long shareOf(String member, long cents, String keyId) {
    var key = IPO.key(keyId).orElseThrow();
    int scale = key.sharesPercent().values().stream().mapToInt(s -> s.scale()).max().orElseThrow();
    List<String> ids = IPO.members().stream().map(m -> m.id()).toList();
    long[] weight = new long[ids.size()];
    long sum = 0;
    for (int i = 0; i < ids.size(); i++) {
      weight[i] = key.sharesPercent().get(ids.get(i)).movePointRight(scale).longValueExact(); // 10,67 -> 1067
      sum += weight[i];
    }
    long whole = Math.abs(cents);
    long[] floor = new long[ids.size()];
    long[] remainder = new long[ids.size()];
    long given = 0;
    for (int i = 0; i < ids.size(); i++) {
      floor[i] = Math.multiplyExact(whole, weight[i]) / sum;
      remainder[i] = Math.multiplyExact(whole, weight[i]) % sum;
      given += floor[i];
    }
    long missing = whole - given;
    int me = ids.indexOf(member);
    int ahead = 0; // members whose remainder goes before mine
    for (int i = 0; i < ids.size(); i++) {
      if (remainder[i] > remainder[me] || (remainder[i] == remainder[me] && i < me)) {
        ahead++;
      }
    }
    long part = floor[me] + (ahead < missing ? 1 : 0);
    return cents < 0 ? -part : part;
  }

  /** The printed thousands of a figure are within 1 of its exact value. */
  private static void assertWithinOneThousand(String id, long exactCents) {
    long printed = COMPUTED.printed().value(true, id).orElseThrow();
    assertThat(Math.abs(printed * 100_000 - exactCents)).as("%s printed %d, exact %d cents", id, printed, exactCents)
        .isLessThan(100_000);
  }
}
