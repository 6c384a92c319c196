package nl.begroot.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.model.Unit;

/**
 * A second, deliberately plain implementation of the budget's arithmetic, written from DOMAIN.md for
 * the tests: maps keyed by id instead of the engine's arrays, no {@code AnnexLayout}, no {@code
 * Allocation}, no figure graph. Tests compare the engine's figures with these sums; they agree only
 * if both are right (or both wrong in the same way, which two separate writings make unlikely).
 *
 * <p>All amounts are cents per year index. What it computes:
 * <ul>
 *   <li>each line: entered amounts; a transfer line the sum of the legs that name it; the
 *       pass-through contribution line the sum of the moved items as saldo (lasten +, baten -);
 *   <li>per programme the change in lasten and in baten (the sum of its lines of that side);
 *   <li>the balancing item: total change in lasten minus total change in all other baten; it is a
 *       baten line of its programme;
 *   <li>Tabel 1: the frame of the programmes that are not an overhead view, the change of all
 *       programmes, the new frame; lasten, baten, saldo;
 *   <li>Bijlage 1: per leaf column the lines it claims (the most specific claim wins: a column naming
 *       the proposal, then its unit, then its programme; among equals the first listed) as saldo, the
 *       overhead view's lines spread over the columns by its shares, the third party's money in its
 *       column, and each column split over the members by largest remainder; sum columns add
 *       their leaves member by member.
 * </ul>
 */
final class Recompute {
  final Budget budget;
  final int years;
  final Map<String, long[]> line = new LinkedHashMap<>();
  final Map<String, long[]> changeLasten = new LinkedHashMap<>();
  final Map<String, long[]> changeBaten = new LinkedHashMap<>();
  final long[] balancing;
  final long[] frameLasten;
  final long[] frameBaten;
  final long[] totalChangeLasten;
  final long[] totalChangeBaten;
  /** Bijlage 1 per column id: Totaal per deel, Bedrijfsvoering, Te verdelen bedrag; and per member. */
  final Map<String, long[]> perPart = new LinkedHashMap<>();
  final Map<String, long[]> overhead = new LinkedHashMap<>();
  final Map<String, long[]> toDistribute = new LinkedHashMap<>();
  final Map<String, long[][]> perMember = new LinkedHashMap<>();

  Recompute(Budget b) {
    budget = b;
    years = b.version().years().size();
    balancing = new long[years];
    frameLasten = new long[years];
    frameBaten = new long[years];
    totalChangeLasten = new long[years];
    totalChangeBaten = new long[years];
    lines();
    programmes();
    annex();
  }

  private long[] amounts(Proposal p) {
    long[] v = new long[years];
    for (int y = 0; y < years; y++) {
      v[y] = p.amounts().cents(y);
    }
    return v;
  }

  private void lines() {
    for (Proposal p : budget.proposals()) {
      long[] v = new long[years];
      switch (p.rule()) {
        case ENTERED -> v = amounts(p);
        case TRANSFER -> {
          for (Transfer t : budget.transfers()) {
            for (Transfer.Leg leg : t.legs()) {
              if (leg.line().equals(p.id())) {
                for (int y = 0; y < years; y++) {
                  v[y] += leg.amounts().cents(y);
                }
              }
            }
          }
        }
        case PASS_THROUGH_CONTRIBUTION -> {
          for (Proposal moved : budget.proposals()) {
            if (moved.passThrough()) {
              long[] m = amounts(moved);
              for (int y = 0; y < years; y++) {
                v[y] += moved.side() == Side.LASTEN ? m[y] : -m[y];
              }
            }
          }
        }
        case BALANCING -> { } // below, once all other lines are known
      }
      line.put(p.id(), v);
    }
  }

  private String programmeOf(Proposal p) {
    for (Programme programme : budget.programmes()) {
      for (Unit u : programme.units()) {
        if (u.id().equals(p.unit())) {
          return programme.id();
        }
      }
    }
    throw new AssertionError("no programme holds unit " + p.unit());
  }

  private boolean isOverhead(String programmeId) {
    return budget.programme(programmeId).orElseThrow().overheadView();
  }

  private void programmes() {
    for (Programme programme : budget.programmes()) {
      changeLasten.put(programme.id(), new long[years]);
      changeBaten.put(programme.id(), new long[years]);
      if (!programme.overheadView()) {
        for (int y = 0; y < years; y++) {
          frameLasten[y] += programme.frameLasten().cents(y);
          frameBaten[y] += programme.frameBaten().cents(y);
        }
      }
    }
    Proposal balancingLine = null;
    for (Proposal p : budget.proposals()) {
      if (p.rule() == Proposal.Rule.BALANCING) {
        balancingLine = p;
        continue;
      }
      long[] target = (p.side() == Side.LASTEN ? changeLasten : changeBaten).get(programmeOf(p));
      long[] v = line.get(p.id());
      for (int y = 0; y < years; y++) {
        target[y] += v[y];
      }
    }
    for (int y = 0; y < years; y++) {
      long lasten = 0;
      long baten = 0;
      for (Programme programme : budget.programmes()) {
        lasten += changeLasten.get(programme.id())[y];
        baten += changeBaten.get(programme.id())[y];
      }
      balancing[y] = balancingLine == null ? 0 : lasten - baten;
      totalChangeLasten[y] = lasten;
      totalChangeBaten[y] = baten + balancing[y];
    }
    if (balancingLine != null) {
      line.put(balancingLine.id(), balancing.clone());
      long[] baten = changeBaten.get(programmeOf(balancingLine));
      for (int y = 0; y < years; y++) {
        baten[y] += balancing[y];
      }
    }
  }

  /** The leaf column that claims a proposal, or null. */
  private String columnOf(Proposal p) {
    List<Annex.Column> leaves = budget.annex().columns().stream().filter(c -> !c.isSum()).toList();
    for (Annex.Column c : leaves) {
      if (c.proposals().contains(p.id())) {
        return c.id();
      }
    }
    for (Annex.Column c : leaves) {
      if (c.units().contains(p.unit())) {
        return c.id();
      }
    }
    for (Annex.Column c : leaves) {
      if (c.programmes().contains(programmeOf(p))) {
        return c.id();
      }
    }
    return null;
  }

  private void annex() {
    Annex annex = budget.annex();
    int members = budget.members().size();
    List<String> leaves = new ArrayList<>();
    for (Annex.Column c : annex.columns()) {
      if (!c.isSum()) {
        leaves.add(c.id());
      }
    }
    String thirdPartyColumn = annex.thirdPartyColumn() == null ? null : annex.thirdPartyColumn().id();
    List<String> split = new ArrayList<>(leaves);
    if (thirdPartyColumn != null) {
      split.add(thirdPartyColumn);
    }
    for (String c : split) {
      perPart.put(c, new long[years]);
      overhead.put(c, new long[years]);
    }
    Map<String, long[]> overheadChange = new LinkedHashMap<>();
    for (Proposal p : budget.proposals()) {
      if (p.rule() == Proposal.Rule.BALANCING) {
        continue;
      }
      long[] v = line.get(p.id());
      int sign = p.side() == Side.LASTEN ? 1 : -1;
      String programme = programmeOf(p);
      if (isOverhead(programme)) {
        long[] o = overheadChange.computeIfAbsent(programme, k -> new long[years]);
        for (int y = 0; y < years; y++) {
          o[y] += sign * v[y];
        }
      } else {
        String column = columnOf(p);
        if (column != null) {
          for (int y = 0; y < years; y++) {
            perPart.get(column)[y] += sign * v[y];
          }
        }
      }
      if (thirdPartyColumn != null && annex.thirdPartyColumn().thirdParty().equals(p.thirdParty())) {
        for (int y = 0; y < years; y++) {
          perPart.get(thirdPartyColumn)[y] -= sign * v[y]; // money received counts positive
        }
      }
    }
    // the overhead view's change, spread over the leaf columns by its shares (largest remainder)
    overheadChange.forEach((programmeId, change) -> {
      Map<String, BigDecimal> spread = budget.programme(programmeId).orElseThrow().spread();
      List<BigDecimal> shares = leaves.stream().map(c -> spread.getOrDefault(c, BigDecimal.ZERO)).toList();
      for (int y = 0; y < years; y++) {
        long[] parts = largestRemainder(change[y], shares);
        for (int i = 0; i < leaves.size(); i++) {
          overhead.get(leaves.get(i))[y] += parts[i];
        }
      }
    });
    DistributionKey main = budget.key(annex.keyId()).orElseThrow();
    for (String c : split) {
      String keyId = null;
      for (Annex.Column col : annex.columns()) {
        if (col.id().equals(c)) {
          keyId = col.keyId();
        }
      }
      DistributionKey key = keyId == null ? main : budget.key(keyId).orElseThrow();
      List<BigDecimal> shares = budget.members().stream().map(m -> key.sharesPercent().getOrDefault(m.id(), BigDecimal.ZERO)).toList();
      long[] total = new long[years];
      long[][] byMember = new long[years][];
      for (int y = 0; y < years; y++) {
        total[y] = perPart.get(c)[y] + overhead.get(c)[y];
        byMember[y] = largestRemainder(total[y], shares);
      }
      toDistribute.put(c, total);
      perMember.put(c, byMember);
    }
    // sum columns, in the order they are listed (a sum may total an earlier sum)
    for (Annex.Column c : annex.columns()) {
      if (!c.isSum()) {
        continue;
      }
      long[] part = new long[years];
      long[] over = new long[years];
      long[] total = new long[years];
      long[][] byMember = new long[years][members];
      for (String leaf : c.sumOf()) {
        for (int y = 0; y < years; y++) {
          part[y] += perPart.get(leaf)[y];
          over[y] += overhead.get(leaf)[y];
          total[y] += toDistribute.get(leaf)[y];
          for (int m = 0; m < members; m++) {
            byMember[y][m] += perMember.get(leaf)[y][m];
          }
        }
      }
      perPart.put(c.id(), part);
      overhead.put(c.id(), over);
      toDistribute.put(c.id(), total);
      perMember.put(c.id(), byMember);
    }
  }

  /**
   * Splits {@code cents} in proportion to {@code shares} (any decimals) so that the parts add up to
   * it exactly. Rule (largest remainder): each part gets its exact quota {@code |cents| * share /
   * sum(shares)} rounded down; the cents still missing go one each to the parts with the largest
   * fractional remainders, the earlier part first on a tie; a negative amount is split as its absolute
   * value and each part negated.
   */
  static long[] largestRemainder(long cents, List<BigDecimal> shares) {
    BigDecimal sum = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    int n = shares.size();
    long[] parts = new long[n];
    BigDecimal[] remainder = new BigDecimal[n];
    BigDecimal whole = BigDecimal.valueOf(Math.abs(cents));
    long given = 0;
    for (int i = 0; i < n; i++) {
      // quota = whole * share / sum, kept as the fraction (whole * share) / sum
      BigDecimal numerator = whole.multiply(shares.get(i));
      BigDecimal[] qr = numerator.divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainder[i] = qr[1]; // compared among parts with the same denominator
      given += parts[i];
    }
    for (long missing = Math.abs(cents) - given; missing > 0; missing--) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (remainder[i] != null && (best < 0 || remainder[i].compareTo(remainder[best]) > 0)) {
          best = i;
        }
      }
      parts[best]++;
      remainder[best] = null; // one cent each at most
    }
    if (cents < 0) {
      for (int i = 0; i < n; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }
}
