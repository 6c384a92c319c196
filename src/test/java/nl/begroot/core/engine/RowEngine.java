package nl.begroot.core.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
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
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.InvalidBudgetException;

/**
 * The row-by-row engine as it was before the columnar one (kept in the tests only): one object per
 * proposal, every cell added into its totals. ColumnarEngineTest holds the columnar engine to it,
 * figure by figure.
 *
 * <p>The order of work: transfer lines (the sum of their legs); one pass over every cell that adds
 * it to its programme's change, its annex column, its one-off/recurring row and, for items moved to
 * the pass-through budget, the members' contribution that moves with them; that contribution line;
 * the balancing item (total change in lasten minus total change in all other baten); the frame and
 * Tabel 1; Bijlage 1 for every year (overhead spread, each column split over the members).
 *
 * <p>Precondition: the budget keeps every rule of {@link BudgetValidator}. {@link #compute} checks
 * it first and refuses a budget that breaks one with an {@link InvalidBudgetException} naming each
 * problem by its model path, rather than computing a wrong figure or failing half-way.
 */
final class RowEngine {
  private RowEngine() {}

  /**
   * Every figure of a valid budget.
   *
   * @throws InvalidBudgetException when {@link BudgetValidator#validate} finds a problem
   */
  public static Computation compute(Budget budget) {
    BudgetValidator.requireValid(budget);
    int years = budget.version().years().size();
    List<Proposal> proposals = budget.proposals();
    List<Programme> programmes = budget.programmes();
    int n = proposals.size();
    int programmeCount = programmes.size();
    AnnexLayout.Resolver resolver = new AnnexLayout.Resolver(budget);

    // 1. transfer lines: the sum of the legs that name them
    Map<String, Amounts.Builder> transferLines = new HashMap<>();
    for (Transfer transfer : budget.transfers()) {
      for (Transfer.Leg leg : transfer.legs()) {
        Amounts.Builder line = transferLines.computeIfAbsent(leg.line(), id -> Amounts.builder(years));
        for (int y = 0; y < years; y++) {
          line.add(y, leg.amounts().cents(y), leg.amounts().kind(y));
        }
      }
    }

    // 2. one pass over all cells: changes per programme, annex columns, one-off/recurring, items
    // moved to the pass-through budget; the computed lines (contribution, balancing) come after
    Annex annex = budget.annex();
    int leafColumns = annex.columns().size();
    boolean hasThirdParty = annex.thirdPartyColumn() != null;
    Totals totals = new Totals(programmeCount, leafColumns + (hasThirdParty ? 1 : 0), years,
        hasThirdParty ? annex.thirdPartyColumn().thirdParty() : null, leafColumns);
    Amounts[] lines = new Amounts[n];
    int balancingLine = -1;
    List<Integer> contributionLines = new ArrayList<>();
    Amounts.Builder contribution = Amounts.builder(years);
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      switch (p.rule()) {
        case BALANCING -> balancingLine = i;
        case PASS_THROUGH_CONTRIBUTION -> contributionLines.add(i);
        default -> {
          Amounts.Builder transfer = p.rule() == Proposal.Rule.TRANSFER ? transferLines.get(p.id()) : null;
          lines[i] = p.rule() == Proposal.Rule.ENTERED ? p.amounts() : transfer == null ? Amounts.blank(years) : transfer.build();
          int unit = resolver.unit(p);
          totals.add(p, lines[i], resolver.programme(unit), resolver.column(p, unit));
          if (p.passThrough()) {
            long[] cents = lines[i].centsArray();
            for (int y = 0; y < years; y++) {
              contribution.add(y, cents[y] * p.saldoSign(), lines[i].kind(y));
            }
          }
        }
      }
    }
    Amounts contributionAmounts = contribution.build();
    for (int i : contributionLines) {
      lines[i] = contributionAmounts;
      Proposal p = proposals.get(i);
      int unit = resolver.unit(p);
      totals.add(p, lines[i], resolver.programme(unit), resolver.column(p, unit));
    }
    long[][] changeLasten = totals.changeLasten;
    long[][] changeBaten = totals.changeBaten;
    boolean[][] lastenPm = totals.lastenPm;
    boolean[][] batenPm = totals.batenPm;
    long[][] parts = totals.parts;
    long[][] overheadChange = totals.overheadChange;
    long[][] structural = totals.structural;
    long[][] passThrough = totals.passThrough;

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
      int p = resolver.programme(resolver.unit(proposals.get(balancingLine)));
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
        budget, computedLines(budget, lines), null, frameLasten, frameBaten, changeLasten, changeBaten, lastenPm, batenPm,
        balancing, totalFrameLasten, totalFrameBaten, totalChangeLasten, totalChangeBaten, annexFigures,
        structural, passThrough);
  }

  static Map<String, Amounts> computedLines(Budget budget, Amounts[] lines) {
    Map<String, Amounts> computed = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      if (budget.proposals().get(i).rule() != Proposal.Rule.ENTERED) {
        computed.put(budget.proposals().get(i).id(), lines[i]);
      }
    }
    return computed;
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

  /** The running totals of the single pass over the cells. */
  private static final class Totals {
    final long[][] changeLasten;
    final long[][] changeBaten;
    final boolean[][] lastenPm;
    final boolean[][] batenPm;
    final long[][] parts;
    final long[][] overheadChange;
    final long[][] structural;
    final long[][] passThrough;
    final String thirdParty;
    final int thirdPartyColumn;
    final int years;

    Totals(int programmes, int columns, int years, String thirdParty, int thirdPartyColumn) {
      this.years = years;
      changeLasten = new long[programmes][years];
      changeBaten = new long[programmes][years];
      lastenPm = new boolean[programmes][years];
      batenPm = new boolean[programmes][years];
      parts = new long[columns][years];
      overheadChange = new long[programmes][years];
      structural = new long[Computation.StructuralRow.values().length][years];
      passThrough = new long[programmes][years];
      this.thirdParty = thirdParty;
      this.thirdPartyColumn = thirdPartyColumn;
    }

    void add(Proposal proposal, Amounts amounts, int programme, int column) {
      boolean lastenSide = proposal.side() == Side.LASTEN;
      long sign = lastenSide ? 1 : -1;
      long[] cents = amounts.centsArray();
      long[] change = lastenSide ? changeLasten[programme] : changeBaten[programme];
      long[] annexTarget = column >= 0 ? parts[column] : column == AnnexLayout.OVERHEAD ? overheadChange[programme] : null;
      long[] thirdPartyTarget = thirdParty != null && thirdParty.equals(proposal.thirdParty()) ? parts[thirdPartyColumn] : null;
      long[] moved = proposal.passThrough() ? passThrough[programme] : null;
      long[] natureRow = structural[row(lastenSide, proposal.nature()).ordinal()];
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
          long[] componentRow = structural[row(lastenSide, component.nature()).ordinal()];
          for (int y = 0; y < years; y++) {
            long v = component.amounts().cents(y);
            natureRow[y] = Math.subtractExact(natureRow[y], v);
            componentRow[y] = Math.addExact(componentRow[y], v);
          }
        }
      }
      if (amounts.anyPm()) {
        boolean[] pm = lastenSide ? lastenPm[programme] : batenPm[programme];
        for (int y = 0; y < years; y++) {
          pm[y] |= amounts.isPm(y);
        }
      }
    }

    private static Computation.StructuralRow row(boolean lasten, Nature nature) {
      if (nature == Nature.RECURRING) {
        return lasten ? Computation.StructuralRow.RECURRING_LASTEN : Computation.StructuralRow.RECURRING_BATEN;
      }
      return lasten ? Computation.StructuralRow.ONE_OFF_LASTEN : Computation.StructuralRow.ONE_OFF_BATEN;
    }
  }
}
