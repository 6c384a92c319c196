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
import nl.begroot.core.money.Allocation;

/**
 * What the engine's totals are made from, small enough to copy: per {@link Groups group} and year
 * the sum of its cells, per side, programme and year how many lines are pm, the breakdowns' moves
 * between the one-off and recurring rows, and the moved items that make the pass-through
 * contribution. A full computation fills it from the {@link Cells}; an edit of one proposal
 * subtracts the old line and adds the new one ({@link #apply}), in a copy.
 *
 * <p>Sums are plain {@code long} additions: the validator keeps every year's sum of absolute amounts
 * under {@code Long.MAX_VALUE / 8} ({@code BudgetValidator.MAX_YEAR_TOTAL_CENTS}), so no partial sum
 * of a valid budget, nor of one line taken out and another put in, can overflow. The totals made from
 * these sums use {@code Math.addExact} all the same.
 */
final class EngineState {
  final Base base;
  final Groups groups;
  final long[] sums; // [group * years + y]; null in an update's copy (see copy())
  int[] pmCount; // [(side * programmes + p) * years + y]
  long[] structuralMoves; // [row * years + y]
  long[] contribution; // [y]
  int[] contributionAmounts; // [y] moved lines with an amount that year
  int[] contributionPm; // [y] moved lines with pm that year
  /**
   * Whether the five arrays above are still those of the state this one was copied from: an update's
   * copy shares them and takes its own copies before it first writes to one ({@link #own}), which only
   * a pm line, a breakdown or a moved line does.
   */
  boolean shared;
  /**
   * The totals the group rows add up to ({@link Totals}), kept by a computation so that an update adds
   * only the changed lines' groups instead of every group again; null until {@link Engine} has made them.
   */
  Totals totals;

  EngineState(Base base, Groups groups, long[] sums, int[] pmCount, long[] structuralMoves, long[] contribution, int[] contributionAmounts,
      int[] contributionPm) {
    this.base = base;
    this.groups = groups;
    this.sums = sums;
    this.pmCount = pmCount;
    this.structuralMoves = structuralMoves;
    this.contribution = contribution;
    this.contributionAmounts = contributionAmounts;
    this.contributionPm = contributionPm;
  }

  static EngineState empty(Base base, Groups groups) {
    int years = base.years;
    return new EngineState(base, groups, new long[groups.count * years], new int[2 * base.programmes * years],
        new long[Computation.StructuralRow.values().length * years], new long[years], new int[years], new int[years]);
  }

  /**
   * A copy to update. Once the totals are made, an update adds its lines to them ({@link #apply}) and the
   * group sums are read by nothing (only a full computation makes the totals from them): the copy of a
   * state with totals has no sums (null), and an update copies a few rows, not every group's
   * (decision 253).
   */
  EngineState copy() {
    EngineState copy = new EngineState(base, groups, totals != null ? null : sums.clone(), pmCount, structuralMoves, contribution,
        contributionAmounts, contributionPm);
    copy.shared = true;
    copy.totals = totals != null ? totals.copyOnWrite() : null;
    return copy;
  }

  /** Takes this state's own copies of the pm counts, the breakdown moves and the contribution before writing to them. */
  private void own() {
    if (shared) {
      pmCount = pmCount.clone();
      structuralMoves = structuralMoves.clone();
      contribution = contribution.clone();
      contributionAmounts = contributionAmounts.clone();
      contributionPm = contributionPm.clone();
      shared = false;
    }
  }

  /** The amounts a line adds: entered, or for a transfer line the sum of its legs. */
  static Amounts lineAmounts(Proposal p, Map<String, Amounts> transferLines, int years) {
    if (p.rule() == Proposal.Rule.ENTERED) {
      return p.amounts();
    }
    Amounts transfer = transferLines.get(p.id());
    return transfer != null ? transfer : Amounts.blank(years);
  }

  /** The group of a line, numbering a new one (in a new {@link Groups}) when needed. */
  int groupOf(Proposal p) {
    return groups.find(base.key(p));
  }

  /**
   * Adds ({@code sign} 1) or takes out ({@code sign} -1) one entered or transfer line: its cells (when
   * {@code withCells}; the full pass adds those from the matrix), pm years, breakdown and move to
   * the pass-through budget.
   */
  void apply(Proposal p, Amounts a, int group, int sign, boolean withCells) {
    int years = base.years;
    if (withCells) {
      if (sums != null) {
        int at = group * years;
        for (int y = 0; y < years; y++) {
          sums[at + y] += sign * a.cents(y);
        }
      }
      if (totals != null) {
        long[] row = new long[years];
        for (int y = 0; y < years; y++) {
          row[y] = sign * a.cents(y);
        }
        totals.add(groups, group, row, base.leafColumns);
      }
    }
    int sideIndex = p.side() == Side.LASTEN ? 0 : 1;
    if (a.anyPm()) {
      own();
      int at = (sideIndex * base.programmes + groups.programme[group]) * years;
      for (int y = 0; y < years; y++) {
        if (a.isPm(y)) {
          pmCount[at + y] += sign;
        }
      }
    }
    moveBreakdown(p, sign);
    if (p.passThrough()) {
      own();
      long saldo = p.saldoSign();
      for (int y = 0; y < years; y++) {
        switch (a.kind(y)) {
          case AMOUNT -> {
            contribution[y] += sign * saldo * a.cents(y);
            contributionAmounts[y] += sign;
          }
          case PM -> contributionPm[y] += sign;
          default -> { }
        }
      }
    }
  }

  /** A breakdown's components count by their own nature: out of the line's row into theirs. */
  void moveBreakdown(Proposal p, int sign) {
    if (p.breakdown() != null) {
      own();
    }
    moveBreakdown(p, sign, structuralMoves, base.years);
  }

  /** As above, into {@code structuralMoves} ({@code [row * years + y]}). */
  static void moveBreakdown(Proposal p, int sign, long[] structuralMoves, int years) {
    if (p.breakdown() == null) {
      return;
    }
    boolean lasten = p.side() == Side.LASTEN;
    int lineRow = row(lasten, p.nature()).ordinal() * years;
    for (Breakdown.Component component : p.breakdown().components()) {
      int componentRow = row(lasten, component.nature()).ordinal() * years;
      Amounts c = component.amounts();
      for (int y = 0; y < years; y++) {
        structuralMoves[lineRow + y] -= sign * c.cents(y);
        structuralMoves[componentRow + y] += sign * c.cents(y);
      }
    }
  }

  static Computation.StructuralRow row(boolean lasten, Nature nature) {
    if (nature == Nature.RECURRING) {
      return lasten ? Computation.StructuralRow.RECURRING_LASTEN : Computation.StructuralRow.RECURRING_BATEN;
    }
    return lasten ? Computation.StructuralRow.ONE_OFF_LASTEN : Computation.StructuralRow.ONE_OFF_BATEN;
  }

  /**
   * What the group rows add up to, before the computed lines (contribution, balancing) and the
   * breakdown moves: per programme and year the change in lasten and in baten, the amount moved into
   * the pass-through budget and the overhead views' change; per annex column the parts; per structural
   * row the total. Every one is a sum of group rows (each row times a fixed sign), so adding one line's
   * row out of one group and another's into a group gives the same cents as adding every group again.
   */
  /**
   * The totals per programme, annex column and structural row and year. A copy shares its rows with the
   * totals it was copied from and takes its own copy of a row when it first writes to it ({@link #row}):
   * an update writes a few rows of dozens (decision 247). So every write goes through {@link #row}, and a
   * totals object is written to only between its making and its first copy: the one it was copied from is
   * never written again.
   */
  static final class Totals {
    final long[][] changeLasten; // [p][y]
    final long[][] changeBaten;
    final long[][] parts; // [c][y]
    final long[][] overheadChange; // [p][y]
    final long[][] structural; // [row][y]
    final long[][] passThrough; // [p][y]
    /** Per row of every field in the order above, whether it is this copy's own; null when all are. */
    private boolean[] owned;
    /** Set once these totals have been copied ({@link #copyOnWrite}); only ever set to true (a race between two copiers is benign). */
    private boolean frozen;

    Totals(int programmes, int columns, int years) {
      this(new long[programmes][years], new long[programmes][years], new long[columns][years], new long[programmes][years],
          new long[Computation.StructuralRow.values().length][years], new long[programmes][years]);
    }

    private Totals(long[][] changeLasten, long[][] changeBaten, long[][] parts, long[][] overheadChange, long[][] structural,
        long[][] passThrough) {
      this.changeLasten = changeLasten;
      this.changeBaten = changeBaten;
      this.parts = parts;
      this.overheadChange = overheadChange;
      this.structural = structural;
      this.passThrough = passThrough;
    }

    /** Group {@code g}'s row (or a line's signed cents in it) into every total it counts in. */
    void add(Groups groups, int g, long[] row, int thirdPartyColumn) {
      Engine.addGroup(groups, g, row, this, thirdPartyColumn);
    }

    /**
     * A copy that shares every row until it writes to it ({@link #row}). These totals are frozen from then
     * on: {@link #row} refuses to hand out a row to write, as an update compares rows by identity
     * ({@code Engine.distribute}) and a shared row written later would hold other cents than it did.
     */
    Totals copyOnWrite() {
      frozen = true;
      Totals copy = new Totals(changeLasten.clone(), changeBaten.clone(), parts.clone(), overheadChange.clone(),
          structural.clone(), passThrough.clone());
      copy.owned = new boolean[changeLasten.length + changeBaten.length + parts.length + overheadChange.length
          + structural.length + passThrough.length];
      return copy;
    }

    /** Row {@code i} of {@code field} (one of this object's fields) to write to: this copy's own. */
    long[] row(long[][] field, int i) {
      if (frozen) {
        throw new IllegalStateException("totals written after they were copied");
      }
      if (owned != null) {
        int at = offset(field) + i;
        if (!owned[at]) {
          field[i] = field[i].clone();
          owned[at] = true;
        }
      }
      return field[i];
    }

    /** Where {@code field}'s rows start in {@link #owned} (the fields in their order; no array made, as this is on every write). */
    private int offset(long[][] field) {
      int offset = 0;
      if (field == changeLasten) {
        return offset;
      }
      offset += changeLasten.length;
      if (field == changeBaten) {
        return offset;
      }
      offset += changeBaten.length;
      if (field == parts) {
        return offset;
      }
      offset += parts.length;
      if (field == overheadChange) {
        return offset;
      }
      offset += overheadChange.length;
      if (field == structural) {
        return offset;
      }
      offset += structural.length;
      if (field == passThrough) {
        return offset;
      }
      throw new IllegalArgumentException("not a field of these totals");
    }
  }

  /**
   * What does not change when one entered proposal changes: the unit and column lookup, the transfer
   * lines, where the computed lines go, and the weights of every key and spread as {@code long}s.
   */
  static final class Base {
    final Budget reference; // the budget it was made for (its programmes, annex, keys, transfers)
    final int years;
    final int programmes;
    final AnnexLayout.Resolver resolver;
    final String thirdParty;
    final Map<String, Amounts> transferLines;
    final int[] contributionGroups;
    final List<String> contributionIds;
    final int balancingProgramme;
    final String balancingId;
    final int leafColumns;
    final int columns; // leaf columns + third-party column
    final BigInteger[][] columnWeights; // [c] key weights of a leaf or third-party column (null for a sum column)
    final long[][] columnLongWeights; // the same as longs, or null when they do not fit
    final long[] columnWeightSum;
    final BigInteger[][] spreadWeights; // [p] of an overhead view
    final long[][] spreadLongWeights;
    final long[] spreadWeightSum;
    final int[][] leavesOfSum; // [c] leaves of a sum column, else null
    /**
     * The frame per programme and year and its totals (an overhead view's frame not added): part of the
     * programmes, which an update leaves as they are ({@link #fits}), so made once and shared by every
     * computation of this base.
     */
    final long[][] frameLasten; // [p][y]
    final long[][] frameBaten;
    final long[] totalFrameLasten; // [y]
    final long[] totalFrameBaten;

    Base(Budget budget, AnnexLayout.Resolver resolver, String thirdParty, Map<String, Amounts> transferLines, int[] contributionGroups,
        List<String> contributionIds, int balancingProgramme, String balancingId) {
      this.reference = budget;
      this.years = budget.version().years().size();
      this.programmes = budget.programmes().size();
      this.resolver = resolver;
      this.thirdParty = thirdParty;
      this.transferLines = transferLines;
      this.contributionGroups = contributionGroups;
      this.contributionIds = contributionIds;
      this.balancingProgramme = balancingProgramme;
      this.balancingId = balancingId;
      Annex annex = budget.annex();
      List<Annex.Column> list = annex.columns();
      leafColumns = list.size();
      columns = leafColumns + (annex.thirdPartyColumn() != null ? 1 : 0);
      columnWeights = new BigInteger[columns][];
      columnLongWeights = new long[columns][];
      columnWeightSum = new long[columns];
      leavesOfSum = new int[columns][];
      DistributionKey mainKey = budget.key(annex.keyId()).orElseThrow();
      for (int c = 0; c < columns; c++) {
        boolean isThirdParty = c == leafColumns;
        if (!isThirdParty && list.get(c).isSum()) {
          leavesOfSum[c] = AnnexLayout.leavesOf(annex, c).stream().mapToInt(Integer::intValue).toArray();
          continue;
        }
        String keyId = isThirdParty ? null : list.get(c).keyId();
        DistributionKey key = keyId == null ? mainKey : budget.key(keyId).orElseThrow();
        columnWeights[c] = key.weights(budget.members());
        long[] lw = Allocation.longWeights(columnWeights[c]);
        if (lw != null) {
          columnLongWeights[c] = java.util.Arrays.copyOf(lw, lw.length - 1);
          columnWeightSum[c] = lw[lw.length - 1];
        }
      }
      frameLasten = new long[programmes][];
      frameBaten = new long[programmes][];
      totalFrameLasten = new long[years];
      totalFrameBaten = new long[years];
      for (int p = 0; p < programmes; p++) {
        Programme programme = budget.programmes().get(p);
        frameLasten[p] = programme.frameLasten().centsArray();
        frameBaten[p] = programme.frameBaten().centsArray();
        if (!programme.overheadView()) {
          for (int y = 0; y < years; y++) {
            totalFrameLasten[y] = Math.addExact(totalFrameLasten[y], frameLasten[p][y]);
            totalFrameBaten[y] = Math.addExact(totalFrameBaten[y], frameBaten[p][y]);
          }
        }
      }
      spreadWeights = new BigInteger[programmes][];
      spreadLongWeights = new long[programmes][];
      spreadWeightSum = new long[programmes];
      for (int p = 0; p < programmes; p++) {
        Programme programme = budget.programmes().get(p);
        if (programme.overheadView()) {
          spreadWeights[p] = AnnexLayout.spreadWeights(annex, programme);
          long[] lw = Allocation.longWeights(spreadWeights[p]);
          if (lw != null) {
            spreadLongWeights[p] = java.util.Arrays.copyOf(lw, lw.length - 1);
            spreadWeightSum[p] = lw[lw.length - 1];
          }
        }
      }
    }

    long key(Proposal p) {
      int unit = resolver.unit(p);
      return Groups.key(p, resolver.programme(unit), resolver.column(p, unit), thirdParty);
    }

    /** True when an edited budget differs from this base's budget at most in its entered proposals. */
    boolean fits(Budget other) {
      Budget r = reference;
      return same(r.version(), other.version()) && same(r.programmes(), other.programmes()) && same(r.annex(), other.annex())
          && same(r.keys(), other.keys()) && same(r.members(), other.members()) && same(r.transfers(), other.transfers());
    }

    private static boolean same(Object a, Object b) {
      return a == b || a.equals(b);
    }

    /** Splits by largest remainder ({@link Allocation}): the long path when the weights fit. */
    static long[] split(long amount, BigInteger[] weights, long[] longWeights, long sum) {
      return longWeights != null ? Allocation.allocate(amount, longWeights, sum) : Allocation.allocate(amount, weights);
    }
  }
}
