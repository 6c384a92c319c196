package nl.begroot.core.engine;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.money.Allocation;

/**
 * Computes every figure of a budget from its source data, exactly in cents.
 *
 * <p>The order of work: the lines that carry computed amounts (transfer lines, the members'
 * contribution for items moved to the pass-through budget), then per programme the changes, then
 * the balancing item (total change in lasten minus total change in all other baten), then Tabel 1,
 * Bijlage 1 for every year, the structural-balance overview and the pass-through budget. The input
 * must have passed validation (see {@code nl.begroot.format}).
 */
public final class Engine {
  private Engine() {}

  public static Computation compute(Budget budget) {
    int years = budget.version().years().size();
    List<Proposal> proposals = budget.proposals();
    List<Programme> programmes = budget.programmes();
    int n = proposals.size();
    int programmeCount = programmes.size();

    // 1. programme of each proposal
    Map<String, Integer> programmeOfUnit = new java.util.HashMap<>();
    for (int p = 0; p < programmeCount; p++) {
      for (var unit : programmes.get(p).units()) {
        programmeOfUnit.put(unit.id(), p);
      }
    }
    int[] programmeOf = new int[n];
    for (int i = 0; i < n; i++) {
      programmeOf[i] = programmeOfUnit.get(proposals.get(i).unit());
    }

    // 2. effective line amounts: entered, transfer lines, pass-through contribution
    Amounts[] lines = new Amounts[n];
    Map<String, Integer> index = budget.proposalIndex();
    Amounts.Builder[] transferLines = new Amounts.Builder[n];
    for (Transfer transfer : budget.transfers()) {
      for (Transfer.Leg leg : transfer.legs()) {
        int i = index.get(leg.line());
        if (transferLines[i] == null) {
          transferLines[i] = Amounts.builder(years);
        }
        for (int y = 0; y < years; y++) {
          transferLines[i].add(y, leg.amounts().cents(y), leg.amounts().kind(y));
        }
      }
    }
    Amounts.Builder passThroughContribution = Amounts.builder(years);
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      switch (p.rule()) {
        case ENTERED -> lines[i] = p.amounts();
        case TRANSFER -> lines[i] =
            transferLines[i] == null ? Amounts.blank(years) : transferLines[i].build();
        default -> { } // computed below
      }
    }
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      if (p.passThrough()) {
        for (int y = 0; y < years; y++) {
          passThroughContribution.add(
              y, Math.multiplyExact(lines[i].cents(y), (long) p.saldoSign()), lines[i].kind(y));
        }
      }
    }
    Amounts contribution = passThroughContribution.build();
    int balancingLine = -1;
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        lines[i] = contribution;
      } else if (p.rule() == Proposal.Rule.BALANCING) {
        balancingLine = i;
      }
    }

    // 3. one pass over all cells: changes per programme, annex columns, one-off/recurring, moved items
    Annex annex = budget.annex();
    int leafColumns = annex.columns().size();
    boolean hasThirdParty = annex.thirdPartyColumn() != null;
    String thirdParty = hasThirdParty ? annex.thirdPartyColumn().thirdParty() : null;
    long[][] parts = new long[leafColumns + (hasThirdParty ? 1 : 0)][years];
    long[][] overheadChange = new long[programmeCount][years];
    int[] columnOf = AnnexLayout.columnOfProposals(budget);
    long[][] structural = new long[Computation.StructuralRow.values().length][years];
    long[][] passThrough = new long[programmeCount][years];
    long[][] changeLasten = new long[programmeCount][years];
    long[][] changeBaten = new long[programmeCount][years];
    boolean[][] lastenPm = new boolean[programmeCount][years];
    boolean[][] batenPm = new boolean[programmeCount][years];
    for (int i = 0; i < n; i++) {
      if (i == balancingLine) {
        continue;
      }
      Proposal proposal = proposals.get(i);
      int p = programmeOf[i];
      boolean lastenSide = proposal.side() == Side.LASTEN;
      long sign = lastenSide ? 1 : -1;
      long[] cents = lines[i].centsArray();
      long[] change = lastenSide ? changeLasten[p] : changeBaten[p];
      int column = columnOf[i];
      long[] annexTarget = column >= 0 ? parts[column] : column == AnnexLayout.OVERHEAD ? overheadChange[p] : null;
      long[] thirdPartyTarget = hasThirdParty && thirdParty.equals(proposal.thirdParty()) ? parts[leafColumns] : null;
      long[] moved = proposal.passThrough() ? passThrough[p] : null;
      long[] natureRow = structural[structuralRow(lastenSide, proposal.nature()).ordinal()];
      for (int y = 0; y < years; y++) {
        long v = cents[y];
        change[y] = Math.addExact(change[y], v);
        natureRow[y] = Math.addExact(natureRow[y], v);
        if (annexTarget != null) {
          annexTarget[y] = Math.addExact(annexTarget[y], v * sign);
        }
        if (thirdPartyTarget != null) {
          thirdPartyTarget[y] = Math.addExact(thirdPartyTarget[y], v * -sign); // money received
        }
        if (moved != null) {
          moved[y] = Math.subtractExact(moved[y], v * sign);
        }
      }
      if (proposal.breakdown() != null) {
        // components count by their own nature: move them out of the line's row into theirs
        for (Breakdown.Component component : proposal.breakdown().components()) {
          long[] componentRow = structural[structuralRow(lastenSide, component.nature()).ordinal()];
          for (int y = 0; y < years; y++) {
            long v = component.amounts().cents(y);
            natureRow[y] = Math.subtractExact(natureRow[y], v);
            componentRow[y] = Math.addExact(componentRow[y], v);
          }
        }
      }
      if (lines[i].anyPm()) {
        boolean[] pm = lastenSide ? lastenPm[p] : batenPm[p];
        for (int y = 0; y < years; y++) {
          pm[y] |= lines[i].isPm(y);
        }
      }
    }

    // 4. the balancing item: total change in lasten minus total change in all other baten
    long[] balancing = new long[years];
    long[] totalChangeLasten = new long[years];
    long[] totalChangeBaten = new long[years];
    for (int y = 0; y < years; y++) {
      long lasten = 0;
      long baten = 0;
      for (int p = 0; p < programmeCount; p++) {
        lasten = Math.addExact(lasten, changeLasten[p][y]);
        baten = Math.addExact(baten, changeBaten[p][y]);
      }
      balancing[y] = Math.subtractExact(lasten, baten);
      totalChangeLasten[y] = lasten;
      totalChangeBaten[y] = balancingLine >= 0 ? Math.addExact(baten, balancing[y]) : baten;
    }
    if (balancingLine >= 0) {
      // validation guarantees the balancing line is a baten line
      lines[balancingLine] = Amounts.of(balancing);
      int p = programmeOf[balancingLine];
      for (int y = 0; y < years; y++) {
        changeBaten[p][y] = Math.addExact(changeBaten[p][y], balancing[y]);
      }
    }

    // 5. frame and Tabel 1 totals (an overhead view's frame is not added)
    long[][] frameLasten = new long[programmeCount][];
    long[][] frameBaten = new long[programmeCount][];
    long[] totalFrameLasten = new long[years];
    long[] totalFrameBaten = new long[years];
    for (int p = 0; p < programmeCount; p++) {
      Programme programme = programmes.get(p);
      frameLasten[p] = programme.frameLasten().centsArray();
      frameBaten[p] = programme.frameBaten().centsArray();
      if (!programme.overheadView()) {
        for (int y = 0; y < years; y++) {
          totalFrameLasten[y] = Math.addExact(totalFrameLasten[y], frameLasten[p][y]);
          totalFrameBaten[y] = Math.addExact(totalFrameBaten[y], frameBaten[p][y]);
        }
      }
    }

    AnnexFigures annexFigures = distribute(budget, parts, overheadChange, years);
    return new Computation(
        budget, lines, frameLasten, frameBaten, changeLasten, changeBaten, lastenPm, batenPm,
        balancing, totalFrameLasten, totalFrameBaten, totalChangeLasten, totalChangeBaten, annexFigures,
        structural, passThrough);
  }

  /** Spreads the overhead over the columns, splits each column over the members, totals sum columns. */
  private static AnnexFigures distribute(Budget budget, long[][] parts, long[][] overheadChange, int years) {
    Annex annex = budget.annex();
    List<Annex.Column> columns = annex.columns();
    int leafCount = columns.size();
    int total = parts.length;
    int members = budget.members().size();
    long[][] overhead = new long[total][years];
    long[][][] perMember = new long[total][years][members];
    for (int p = 0; p < budget.programmes().size(); p++) {
      Programme programme = budget.programmes().get(p);
      if (!programme.overheadView()) {
        continue;
      }
      BigInteger[] weights = AnnexLayout.spreadWeights(annex, programme);
      for (int y = 0; y < years; y++) {
        long[] spread = Allocation.allocate(overheadChange[p][y], weights);
        for (int c = 0; c < leafCount; c++) {
          overhead[c][y] = Math.addExact(overhead[c][y], spread[c]);
        }
      }
    }
    DistributionKey mainKey = budget.key(annex.keyId()).orElseThrow();
    for (int c = 0; c < total; c++) {
      boolean isThirdParty = c == leafCount;
      if (!isThirdParty && columns.get(c).isSum()) {
        continue;
      }
      String keyId = isThirdParty ? null : columns.get(c).keyId();
      DistributionKey key = keyId == null ? mainKey : budget.key(keyId).orElseThrow();
      BigInteger[] weights = key.weights(budget.members());
      for (int y = 0; y < years; y++) {
        perMember[c][y] = Allocation.allocate(Math.addExact(parts[c][y], overhead[c][y]), weights);
      }
    }
    for (int c = 0; c < leafCount; c++) {
      if (!columns.get(c).isSum()) {
        continue;
      }
      for (int leaf : AnnexLayout.leavesOf(annex, c)) {
        for (int y = 0; y < years; y++) {
          parts[c][y] = Math.addExact(parts[c][y], parts[leaf][y]);
          overhead[c][y] = Math.addExact(overhead[c][y], overhead[leaf][y]);
          for (int m = 0; m < members; m++) {
            perMember[c][y][m] = Math.addExact(perMember[c][y][m], perMember[leaf][y][m]);
          }
        }
      }
    }
    return new AnnexFigures(parts, overhead, perMember);
  }

  private static Computation.StructuralRow structuralRow(boolean lasten, Nature nature) {
    if (nature == Nature.RECURRING) {
      return lasten ? Computation.StructuralRow.RECURRING_LASTEN : Computation.StructuralRow.RECURRING_BATEN;
    }
    return lasten ? Computation.StructuralRow.ONE_OFF_LASTEN : Computation.StructuralRow.ONE_OFF_BATEN;
  }
}
