package nl.begroot.core.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Category;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Organisation;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.model.Product;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.ThirdParty;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.model.Unit;
import nl.begroot.core.model.Version;

/**
 * Generates valid budgets of any size from a seed, with every mechanic of the IPO budget: an
 * overhead view with a spread, transfers, pm lines, one-off and recurring lines with breakdowns,
 * items moved to the pass-through budget, third-party money, several keys (one rounded for print)
 * and the balancing line. The frame balances in every year. Same seed, same budget.
 */
public final class BudgetGenerator {
  /** The size of a generated budget. */
  public record Size(int proposals, int years, int members, int keys, int programmes, int unitsPerProgramme) {
    public long cells() {
      return (long) proposals * years;
    }
  }

  private final SplittableRandom random;
  private final Size size;
  private final List<Integer> years = new ArrayList<>();

  private BudgetGenerator(long seed, Size size) {
    this.random = new SplittableRandom(seed);
    this.size = size;
    for (int y = 0; y < size.years(); y++) {
      years.add(2026 + y);
    }
  }

  public static Budget generate(long seed, Size size) {
    if (size.programmes() < 2 || size.members() < 1 || size.keys() < 1 || size.proposals() < 10 || size.years() < 1) {
      throw new IllegalArgumentException("too small: " + size);
    }
    return new BudgetGenerator(seed, size).build();
  }

  private Budget build() {
    int yearCount = size.years();
    List<Member> members = new ArrayList<>();
    for (int m = 0; m < size.members(); m++) {
      members.add(new Member("M" + m, "Member " + m));
    }
    List<DistributionKey> keys = new ArrayList<>();
    for (int k = 0; k < size.keys(); k++) {
      boolean rounded = k == 1;
      keys.add(new DistributionKey("key" + k, "Key " + k, shares(members, rounded), rounded, rounded, null));
    }
    // programmes: regular ones, then the overhead view
    int regular = size.programmes() - 1;
    List<Programme> programmes = new ArrayList<>();
    List<String> unitIds = new ArrayList<>();
    long[] lastenTotal = new long[yearCount];
    long[] batenTotal = new long[yearCount];
    List<Amounts[]> frames = new ArrayList<>();
    for (int p = 1; p <= regular; p++) {
      Amounts.Builder l = Amounts.builder(yearCount);
      Amounts.Builder b = Amounts.builder(yearCount);
      for (int y = 0; y < yearCount; y++) {
        long lasten = random.nextLong(1_000_000_00L, 5_000_000_000_00L);
        long baten = p == regular ? 0 : random.nextLong(0, 1_000_000_000_00L);
        l.amount(y, lasten);
        b.amount(y, baten);
        lastenTotal[y] += lasten;
        batenTotal[y] += baten;
      }
      frames.add(new Amounts[] {l.build(), b.build()});
    }
    for (int p = 1; p <= regular; p++) {
      Amounts baten = frames.get(p - 1)[1];
      if (p == regular) {
        Amounts.Builder b = Amounts.builder(yearCount);
        for (int y = 0; y < yearCount; y++) {
          b.amount(y, lastenTotal[y] - batenTotal[y]); // the members' contributions close the frame
        }
        baten = b.build();
      }
      programmes.add(new Programme(String.valueOf(p), "Programme " + p, "", false, Map.of(), units(p, unitIds), frames.get(p - 1)[0], baten));
    }
    String overheadId = String.valueOf(size.programmes());
    Map<String, BigDecimal> spread = new LinkedHashMap<>();
    BigDecimal rest = BigDecimal.valueOf(100);
    for (int p = 1; p <= regular; p++) {
      BigDecimal share = p == regular ? rest : BigDecimal.valueOf(100 / regular);
      spread.put("c" + p, share);
      rest = rest.subtract(share);
    }
    Amounts.Builder overheadFrame = Amounts.builder(yearCount);
    for (int y = 0; y < yearCount; y++) {
      overheadFrame.amount(y, lastenTotal[y] / 3);
    }
    programmes.add(new Programme(overheadId, "Overhead", "", true, spread, List.of(new Unit(overheadId, "Overhead", "")),
        overheadFrame.build(), Amounts.blank(yearCount)));
    unitIds.add(overheadId);

    List<Proposal> proposals = new ArrayList<>();
    List<Transfer> transfers = new ArrayList<>();
    String lastRegularUnit = regular + ".1";
    proposals.add(line("balancing", lastRegularUnit, Side.BATEN, Nature.RECURRING, Amounts.blank(yearCount), Proposal.Rule.BALANCING, false, null, null));
    proposals.add(line("pass-through-contribution", lastRegularUnit, Side.BATEN, Nature.RECURRING, Amounts.blank(yearCount),
        Proposal.Rule.PASS_THROUGH_CONTRIBUTION, false, null, null));
    int transferCount = Math.max(1, Math.min(50, size.proposals() / 200));
    for (int t = 0; t < transferCount; t++) {
      int from = 1 + random.nextInt(regular);
      int to = 1 + random.nextInt(regular);
      long[] amount = new long[yearCount];
      long[] minus = new long[yearCount];
      for (int y = 0; y < yearCount; y++) {
        amount[y] = random.nextLong(1, 100_000_000L);
        minus[y] = -amount[y];
      }
      String a = "transfer-" + t + "-from";
      String b = "transfer-" + t + "-to";
      proposals.add(line(a, from + ".1", Side.LASTEN, Nature.RECURRING, Amounts.blank(yearCount), Proposal.Rule.TRANSFER, false, null, null));
      proposals.add(line(b, to + ".1", Side.LASTEN, Nature.RECURRING, Amounts.blank(yearCount), Proposal.Rule.TRANSFER, false, null, null));
      transfers.add(new Transfer("t" + t, "Transfer " + t, List.of(new Transfer.Leg(a, Amounts.of(minus)), new Transfer.Leg(b, Amounts.of(amount)))));
    }
    String ownKeyProposal = null;
    while (proposals.size() < size.proposals()) {
      int i = proposals.size();
      String unit = unitIds.get(random.nextInt(unitIds.size()));
      boolean overhead = unit.equals(overheadId);
      Side side = overhead || random.nextInt(5) > 0 ? Side.LASTEN : Side.BATEN;
      Nature nature = random.nextBoolean() ? Nature.RECURRING : Nature.ONE_OFF;
      boolean pm = random.nextInt(50) == 0;
      Amounts.Builder a = Amounts.builder(yearCount);
      long[] cents = new long[yearCount];
      for (int y = 0; y < yearCount; y++) {
        if (pm) {
          a.pm(y);
        } else if (random.nextInt(10) > 0) {
          cents[y] = random.nextLong(-500_000_000L, 500_000_000L);
          a.amount(y, cents[y]);
        }
      }
      boolean passThrough = !overhead && !pm && side == Side.LASTEN && random.nextInt(40) == 0;
      String thirdParty = side == Side.BATEN && !pm && random.nextInt(4) == 0 ? "TP" : null;
      Breakdown breakdown = null;
      if (!pm && !passThrough && random.nextInt(30) == 0) {
        Amounts.Builder first = Amounts.builder(yearCount);
        Amounts.Builder second = Amounts.builder(yearCount);
        for (int y = 0; y < yearCount; y++) {
          long part = cents[y] / 3;
          first.amount(y, part);
          second.amount(y, cents[y] - part);
        }
        breakdown = new Breakdown("Breakdown " + i, random.nextBoolean(), false, List.of(
            new Breakdown.Component("A", "Part A", Nature.ONE_OFF, first.build()),
            new Breakdown.Component("B", "Part B", Nature.RECURRING, second.build())));
      }
      String id = "p" + i;
      if (ownKeyProposal == null && !overhead && !passThrough) {
        ownKeyProposal = id;
      }
      proposals.add(new Proposal(id, List.of(unit), "Proposal " + i, side, nature, null, List.of(), a.build(),
          Proposal.Rule.ENTERED, passThrough, List.of(), thirdParty, null, breakdown, ""));
    }
    if (proposals.stream().noneMatch(Proposal::passThrough)) {
      long[] c = new long[yearCount];
      java.util.Arrays.fill(c, -1_000_000L);
      proposals.add(line("moved", "1.1", Side.LASTEN, Nature.RECURRING, Amounts.of(c), Proposal.Rule.ENTERED, true, null, null));
    }
    List<Annex.Column> columns = new ArrayList<>();
    List<String> leaves = new ArrayList<>();
    for (int p = 1; p <= regular; p++) {
      columns.add(new Annex.Column("c" + p, "Column " + p, List.of(String.valueOf(p)), List.of(), List.of(), null, List.of()));
      leaves.add("c" + p);
    }
    if (ownKeyProposal != null && size.keys() > 2) {
      columns.add(new Annex.Column("own", "Own key", List.of(), List.of(), List.of(ownKeyProposal), "key2", List.of()));
      leaves.add("own");
    }
    columns.add(new Annex.Column("total", "Total", List.of(), List.of(), List.of(), null, leaves));
    Annex annex = new Annex("Annex", "key" + (size.keys() > 1 ? 1 : 0), columns, new Annex.ThirdPartyColumn("tp", "Third party", "TP"));
    Version version = new Version("gen", "Generated budget", Version.Phase.CONCEPT, years.get(Math.min(1, yearCount - 1)), years,
        "Kader", "Begrotingsvoorstellen", "Nieuw kader");
    return new Budget(new Organisation("gen", "Generated organisation", "GEN"), version, List.of(new Product("P", "Product")),
        members, keys, List.of(new Category("c", "Category")), List.of(new ThirdParty("TP", "Third party")), programmes, proposals,
        transfers, annex, List.of(), PrintedDocument.none());
  }

  private List<Unit> units(int programme, List<String> unitIds) {
    List<Unit> units = new ArrayList<>();
    for (int u = 1; u <= size.unitsPerProgramme(); u++) {
      String id = programme + "." + u;
      units.add(new Unit(id, "Unit " + id, ""));
      unitIds.add(id);
    }
    return units;
  }

  private Map<String, BigDecimal> shares(List<Member> members, boolean roundedForPrint) {
    long[] weights = new long[members.size()];
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextLong(1, 10_000);
      total += weights[i];
    }
    // percent with 4 decimals; the last ten-thousandths by largest remainder so the key adds up to 100
    long unit = 1_000_000; // 100 % = 1.000.000 ten-thousandths of a percent
    long[] scaled = new long[weights.length];
    long given = 0;
    Integer[] order = new Integer[weights.length];
    for (int i = 0; i < weights.length; i++) {
      scaled[i] = weights[i] * unit / total;
      given += scaled[i];
      order[i] = i;
    }
    final long t = total;
    java.util.Arrays.sort(order, (a, b) -> Long.compare(weights[b] * unit % t, weights[a] * unit % t));
    for (int k = 0; k < unit - given; k++) {
      scaled[order[k]]++;
    }
    if (roundedForPrint) {
      // as printed keys go: off by a little, each share still a percentage from 0 to 100
      scaled[0] += scaled[0] + 7 <= unit ? 7 : -7;
    }
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      shares.put(members.get(i).id(), BigDecimal.valueOf(scaled[i], 4));
    }
    return shares;
  }

  private Proposal line(String id, String unit, Side side, Nature nature, Amounts amounts, Proposal.Rule rule, boolean passThrough,
      String thirdParty, Breakdown breakdown) {
    return new Proposal(id, List.of(unit), id, side, nature, null, List.of(), amounts, rule, passThrough, List.of(), thirdParty, null, breakdown, "");
  }
}
