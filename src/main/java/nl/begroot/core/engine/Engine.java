package nl.begroot.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.InvalidBudgetException;

/**
 * Computes every figure of a budget from its source data, exactly in cents.
 *
 * <p>Columnar: the budget's cells are laid out once ({@link Cells}: one {@code long[]} of all cents,
 * a small group number per line), and a full computation is one tight pass that adds each cell into
 * its group's row, split over the cores for large budgets; every total (the change per programme
 * and side, the annex columns, the one-off/recurring rows, the items moved to the pass-through
 * budget) is then made from the few group rows. After that, as before: the pass-through
 * contribution line, the balancing item (total change in lasten minus total change in all other
 * baten), the frame and Tabel 1, and Bijlage 1 for every year (overhead spread, each column split
 * over the members by largest remainder).
 *
 * <p>Incremental: {@link #change}, {@link #add} and {@link #withdraw} update a computation by one
 * proposal's delta (its old line out, its new line in, also into the totals the group rows make:
 * {@link EngineState.Totals}) and redo only the small steps after the pass. A column's split over the
 * members is made when first read ({@link AnnexFigures.Split}), and an update shares the previous
 * computation's split wherever the amount did not change. The result is the same
 * as a full computation, to the cent (IncrementalEngineTest checks it after every step of random edit
 * sequences).
 *
 * <p>Precondition: the budget keeps every rule of {@link BudgetValidator}. {@link #compute} checks
 * it first and refuses a budget that breaks one with an {@link InvalidBudgetException} naming each
 * problem by its model path, rather than computing a wrong figure or failing half-way.
 */
public final class Engine {
  /** Below this many cells one thread is quicker than splitting the pass. */
  static final long PARALLEL_CELLS = 1L << 20;

  private Engine() {}

  /**
   * Every figure of a valid budget.
   *
   * @throws InvalidBudgetException when {@link BudgetValidator#validate} finds a problem
   */
  public static Computation compute(Budget budget) {
    return compute(Cells.of(budget));
  }

  /** Every figure of a budget whose cells are laid out: the full pass and everything after it. */
  public static Computation compute(Cells cells) {
    EngineState state = EngineState.empty(cells.base, cells.groups);
    sumCells(cells, state.sums);
    if (cells.marks != null) {
      addSparse(cells, state);
      return derive(cells.budget, state, null);
    }
    List<Proposal> proposals = cells.budget.proposals();
    for (int k = 0; k < cells.sparse.length; k++) {
      Proposal p = proposals.get(cells.sparse[k]);
      if (cells.sparseGroup[k] < 0) {
        state.moveBreakdown(p, 1); // a contribution line's breakdown
      } else {
        state.apply(p, EngineState.lineAmounts(p, cells.base.transferLines, cells.years), cells.sparseGroup[k], 1, false);
      }
    }
    return derive(cells.budget, state, null);
  }

  /**
   * The rows that need more than a sum, from their laid-out marks: pm years counted per side,
   * programme and year; breakdown moves added; the moved items' saldo into the pass-through
   * contribution. The same as {@link EngineState#apply} without the cells (the pass added those).
   */
  private static void addSparse(Cells cells, EngineState state) {
    Cells.Sparse marks = cells.marks;
    Groups groups = cells.groups;
    int years = cells.years;
    int programmes = state.base.programmes;
    long[] moves = marks.moves;
    long[] structuralMoves = state.structuralMoves;
    for (int k = 0; k < cells.sparse.length; k++) {
      int g = cells.sparseGroup[k];
      if (g >= 0) {
        long pm = marks.pmMask[k];
        if (pm != 0) {
          int at = (groups.side[g] * programmes + groups.programme[g]) * years;
          for (int y = 0; y < years; y++) {
            state.pmCount[at + y] += (int) ((pm >>> y) & 1);
          }
        }
        if (groups.passThrough[g]) {
          long amount = marks.amountMask[k];
          long saldo = groups.side[g] == 0 ? 1 : -1;
          int c = cells.sparsePlace[k] * years;
          for (int y = 0; y < years; y++) {
            if ((amount >>> y & 1) != 0) {
              state.contribution[y] += saldo * cells.cell(c + y);
              state.contributionAmounts[y]++;
            } else if ((pm >>> y & 1) != 0) {
              state.contributionPm[y]++;
            }
          }
        }
      }
    }
    for (int j = 0; j < structuralMoves.length; j++) {
      structuralMoves[j] += moves[j];
    }
  }

  /**
   * The pass: each group's run of cells added into its row of sums; halves of the places on two
   * cores when large. The inner loop is the flat sum's: consecutive cells into a running total per
   * year, with no lookup per line. Then the rest of each cell beyond an int (decision 249).
   */
  static void sumCells(Cells cells, long[] sums) {
    sumRuns(cells, sums);
    int years = cells.years;
    for (int k = 0; k < cells.wideAt.length; k++) {
      sums[cells.wideGroup[k] * years + cells.wideAt[k] % years] += cells.wideRest[k];
    }
  }

  /** Each group's runs of cells (their low 32 bits) into its row of sums. */
  private static void sumRuns(Cells cells, long[] sums) {
    int places = cells.groupStart[cells.groups.count];
    if (cells.cellCount() < PARALLEL_CELLS || Runtime.getRuntime().availableProcessors() < 2) {
      sumPlaces(cells, 0, places, sums);
      return;
    }
    int chunks = Math.min(8, Runtime.getRuntime().availableProcessors());
    long[][] partial = new long[chunks][];
    IntStream.range(0, chunks).parallel().forEach(k -> {
      long[] mine = new long[sums.length];
      sumPlaces(cells, (int) ((long) places * k / chunks), (int) ((long) places * (k + 1) / chunks), mine);
      partial[k] = mine;
    });
    for (long[] mine : partial) {
      for (int j = 0; j < sums.length; j++) {
        sums[j] += mine[j];
      }
    }
  }

  /** The places {@code from .. to} added into their groups' rows. */
  private static void sumPlaces(Cells cells, int from, int to, long[] sums) {
    int years = cells.years;
    int[] start = cells.groupStart;
    int[] cents = cells.cents;
    for (int g = 0; g < cells.groups.count; g++) {
      int lo = Math.max(start[g], from);
      int hi = Math.min(start[g + 1], to);
      if (lo >= hi) {
        continue;
      }
      if (years == 10) {
        sumRun10(cents, lo * 10, hi * 10, sums, g * 10);
      } else {
        for (int c = lo * years; c < hi * years; c += years) {
          for (int y = 0; y < years; y++) {
            sums[g * years + y] += cents[c + y];
          }
        }
      }
    }
  }

  /** The usual ten-year run: ten running totals in registers. */
  private static void sumRun10(int[] cents, int from, int to, long[] sums, int at) {
    long s0 = 0;
    long s1 = 0;
    long s2 = 0;
    long s3 = 0;
    long s4 = 0;
    long s5 = 0;
    long s6 = 0;
    long s7 = 0;
    long s8 = 0;
    long s9 = 0;
    for (int c = from; c < to; c += 10) {
      s0 += cents[c];
      s1 += cents[c + 1];
      s2 += cents[c + 2];
      s3 += cents[c + 3];
      s4 += cents[c + 4];
      s5 += cents[c + 5];
      s6 += cents[c + 6];
      s7 += cents[c + 7];
      s8 += cents[c + 8];
      s9 += cents[c + 9];
    }
    sums[at] += s0;
    sums[at + 1] += s1;
    sums[at + 2] += s2;
    sums[at + 3] += s3;
    sums[at + 4] += s4;
    sums[at + 5] += s5;
    sums[at + 6] += s6;
    sums[at + 7] += s7;
    sums[at + 8] += s8;
    sums[at + 9] += s9;
  }

  // ---------------------------------------------------------------- incremental

  /**
   * The computation of {@code after}, which is {@code before}'s budget with the proposal at
   * {@code index} changed (same position). Falls back to a full computation when the edit is not
   * one an update can follow (a computed line, or another part of the budget changed).
   */
  public static Computation change(Computation before, Budget after, int index) {
    BudgetValidator.requireValid(after);
    EngineState s = before.state;
    List<Proposal> old = before.budget.proposals();
    if (s == null || after.proposals().size() != old.size() || !updatable(old.get(index)) || !updatable(after.proposals().get(index))
        || !s.base.fits(after)) {
      return compute(Cells.of(after));
    }
    EngineState next = s.copy();
    next = remove(next, old.get(index));
    next = insert(next, after.proposals().get(index));
    return derive(after, next, before);
  }

  /** The computation of {@code after}: {@code before}'s budget with one proposal added as its last. */
  public static Computation add(Computation before, Budget after) {
    BudgetValidator.requireValid(after);
    EngineState s = before.state;
    List<Proposal> now = after.proposals();
    if (s == null || now.size() != before.budget.proposals().size() + 1 || !updatable(now.get(now.size() - 1)) || !s.base.fits(after)) {
      return compute(Cells.of(after));
    }
    return derive(after, insert(s.copy(), now.get(now.size() - 1)), before);
  }

  /** The computation of {@code after}: {@code before}'s budget without the proposal at {@code index}. */
  public static Computation withdraw(Computation before, Budget after, int index) {
    BudgetValidator.requireValid(after);
    EngineState s = before.state;
    List<Proposal> old = before.budget.proposals();
    if (s == null || after.proposals().size() != old.size() - 1 || !updatable(old.get(index)) || !s.base.fits(after)) {
      return compute(Cells.of(after));
    }
    return derive(after, remove(s.copy(), old.get(index)), before);
  }

  private static boolean updatable(Proposal p) {
    return p.rule() == Proposal.Rule.ENTERED || p.rule() == Proposal.Rule.TRANSFER;
  }

  private static EngineState remove(EngineState s, Proposal p) {
    int g = s.groupOf(p);
    s.apply(p, EngineState.lineAmounts(p, s.base.transferLines, s.base.years), g, -1, true);
    return s;
  }

  private static EngineState insert(EngineState s, Proposal p) {
    long key = s.base.key(p);
    EngineState t = s;
    int g = t.groups.find(key);
    if (g < 0) { // a combination no line had yet: one more group row
      Groups grown = t.groups.with(key);
      long[] sums = t.sums == null ? null : java.util.Arrays.copyOf(t.sums, grown.count * t.base.years);
      t = new EngineState(t.base, grown, sums, t.pmCount, t.structuralMoves, t.contribution, t.contributionAmounts, t.contributionPm);
      t.totals = s.totals; // s is this update's own copy
      t.shared = s.shared;
      g = grown.count - 1;
    }
    t.apply(p, EngineState.lineAmounts(p, t.base.transferLines, t.base.years), g, 1, true);
    return t;
  }

  // ---------------------------------------------------------------- from the group sums to every figure

  /**
   * Every figure from the group sums; {@code before} (the computation an update starts from, or null)
   * lends what did not change: the member splits, and the pm marks when no line's pm changed.
   */
  static Computation derive(Budget budget, EngineState state, Computation before) {
    AnnexFigures previous = before != null ? before.annex : null;
    EngineState.Base base = state.base;
    Groups groups = state.groups;
    int years = base.years;
    int programmeCount = base.programmes;
    int columns = base.columns;
    if (state.totals == null) { // a full computation: every group's row; an update has added only its lines' (EngineState.apply)
      EngineState.Totals totals = new EngineState.Totals(programmeCount, columns, years);
      long[] row = new long[years];
      for (int g = 0; g < groups.count; g++) {
        System.arraycopy(state.sums, g * years, row, 0, years);
        totals.add(groups, g, row, base.leafColumns);
      }
      state.totals = totals;
    }
    // the steps below add to them (each row it writes its own copy, EngineState.Totals.row); the state keeps the group rows' totals
    EngineState.Totals mine = state.totals.copyOnWrite();
    long[][] changeLasten = mine.changeLasten;
    long[][] changeBaten = mine.changeBaten;
    boolean samePm = before != null && before.state != null && java.util.Arrays.equals(state.pmCount, before.state.pmCount)
        && java.util.Arrays.equals(state.contributionPm, before.state.contributionPm)
        && java.util.Arrays.equals(state.contributionAmounts, before.state.contributionAmounts); // so the same marks as before's, not written
    boolean[][] lastenPm = samePm ? before.changeLastenPm : new boolean[programmeCount][years];
    boolean[][] batenPm = samePm ? before.changeBatenPm : new boolean[programmeCount][years];
    long[][] parts = mine.parts;
    long[][] overheadChange = mine.overheadChange;
    long[][] structural = mine.structural;
    long[][] passThrough = mine.passThrough;
    for (int p = 0; p < programmeCount && !samePm; p++) {
      for (int y = 0; y < years; y++) {
        lastenPm[p][y] = state.pmCount[p * years + y] > 0;
        batenPm[p][y] = state.pmCount[(programmeCount + p) * years + y] > 0;
      }
    }
    for (int r = 0; r < structural.length; r++) {
      boolean moved = false;
      for (int y = 0; y < years; y++) {
        moved |= state.structuralMoves[r * years + y] != 0;
      }
      if (moved) {
        long[] row = mine.row(structural, r);
        for (int y = 0; y < years; y++) {
          row[y] = Math.addExact(row[y], state.structuralMoves[r * years + y]);
        }
      }
    }

    // the pass-through contribution line(s): the moved items as saldo
    Amounts.Builder contribution = Amounts.builder(years);
    for (int y = 0; y < years; y++) {
      if (state.contributionAmounts[y] > 0) {
        contribution.amount(y, state.contribution[y]);
      } else if (state.contributionPm[y] > 0) {
        contribution.pm(y);
      }
    }
    Amounts contributionAmounts = contribution.build();
    Map<String, Amounts> computedLines = new HashMap<>(4); // the transfer lines stay in the base's map, shared
    if (base.contributionGroups.length > 0) {
      for (int g : base.contributionGroups) {
        addGroup(groups, g, contributionAmounts.centsArray(), mine, base.leafColumns);
        if (contributionAmounts.anyPm() && !samePm) {
          boolean[][] pm = groups.side[g] == 0 ? lastenPm : batenPm;
          for (int y = 0; y < years; y++) {
            pm[groups.programme[g]][y] |= contributionAmounts.isPm(y);
          }
        }
      }
      for (String id : base.contributionIds) {
        computedLines.put(id, contributionAmounts);
      }
    }

    // the balancing item: total change in lasten minus total change in all other baten
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
      totalChangeBaten[y] = base.balancingProgramme >= 0 ? Math.addExact(baten, balancing[y]) : baten;
    }
    if (base.balancingProgramme >= 0) {
      int p = base.balancingProgramme;
      long[] row = mine.row(changeBaten, p);
      for (int y = 0; y < years; y++) {
        row[y] = Math.addExact(row[y], balancing[y]);
      }
      computedLines.put(base.balancingId, Amounts.of(balancing));
    }

    // the frame and its Tabel 1 totals are the base's (EngineState.Base)
    AnnexFigures annexFigures = distribute(base, mine, previous);
    return new Computation(
        budget, base.transferLines, computedLines, state, base.frameLasten, base.frameBaten, changeLasten, changeBaten, lastenPm, batenPm,
        balancing, base.totalFrameLasten, base.totalFrameBaten, totalChangeLasten, totalChangeBaten, annexFigures,
        structural, passThrough);
  }

  /** One group's row of sums into every total it counts in. */
  static void addGroup(Groups groups, int g, long[] row, EngineState.Totals t, int thirdPartyColumn) {
    boolean lastenSide = groups.side[g] == 0;
    long sign = lastenSide ? 1 : -1;
    int programme = groups.programme[g];
    int column = groups.column[g];
    long[] change = t.row(lastenSide ? t.changeLasten : t.changeBaten, programme);
    long[] annexTarget = column >= 0 ? t.row(t.parts, column) : column == AnnexLayout.OVERHEAD ? t.row(t.overheadChange, programme) : null;
    long[] thirdPartyTarget = groups.thirdParty[g] ? t.row(t.parts, thirdPartyColumn) : null;
    long[] moved = groups.passThrough[g] ? t.row(t.passThrough, programme) : null;
    long[] natureRow = t.row(t.structural, EngineState.row(lastenSide, groups.nature[g] == 0 ? nl.begroot.core.model.Nature.RECURRING
        : nl.begroot.core.model.Nature.ONE_OFF).ordinal());
    for (int y = 0; y < row.length; y++) {
      long v = row[y];
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
  }

  /**
   * Spreads the overhead over the columns, totals sum columns, and sets out each column's split over
   * the members ({@link AnnexFigures.Split}, made when first read). What did not change is taken over
   * from {@code previous} (same key, same members: {@link EngineState.Base#fits}): the whole overhead
   * when no overhead view's change moved, else each programme's spread of a year whose amount did not
   * change; a column's splits when its parts row is {@code previous}'s (decision 253), else each split
   * whose amount did not change; a sum column's parts and splits when each of its leaves' were taken over.
   *
   * <p>Rows are compared by identity: the totals share a row with the totals they were copied from
   * until they write to it ({@link EngineState.Totals#row}), and a row is never written after its
   * totals were first copied, so the same row holds the same cents.
   */
  private static AnnexFigures distribute(EngineState.Base base, EngineState.Totals totals, AnnexFigures previous) {
    long[][] parts = totals.parts;
    long[][] overheadChange = totals.overheadChange;
    int years = base.years;
    int leafCount = base.leafColumns;
    int total = base.columns;
    boolean reuse = previous != null;
    long[][] overhead;
    long[][][] spreads;
    if (reuse && previous.spread != null && sameOverheadChange(base, previous.overheadChange, overheadChange)) {
      overhead = previous.overhead;
      spreads = previous.spread;
    } else {
      overhead = new long[total][years];
      spreads = new long[base.programmes][][];
      for (int p = 0; p < base.programmes; p++) {
        if (base.spreadWeights[p] == null) {
          continue;
        }
        spreads[p] = new long[years][];
        for (int y = 0; y < years; y++) {
          long[] spread = reuse && previous.spread != null && previous.spread[p] != null && previous.overheadChange[p][y] == overheadChange[p][y] ? previous.spread[p][y]
              : EngineState.Base.split(overheadChange[p][y], base.spreadWeights[p], base.spreadLongWeights[p], base.spreadWeightSum[p]);
          spreads[p][y] = spread;
          for (int c = 0; c < leafCount; c++) {
            overhead[c][y] = Math.addExact(overhead[c][y], spread[c]);
          }
        }
      }
      for (int c = 0; c < leafCount; c++) {
        int[] leaves = base.leavesOfSum[c];
        if (leaves != null) {
          for (int y = 0; y < years; y++) {
            for (int leaf : leaves) {
              overhead[c][y] = Math.addExact(overhead[c][y], overhead[leaf][y]);
            }
          }
        }
      }
    }
    boolean sameOverhead = reuse && overhead == previous.overhead;
    AnnexFigures.Split[][] perMember = new AnnexFigures.Split[total][];
    for (int c = 0; c < total; c++) {
      if (base.columnWeights[c] == null) {
        continue;
      }
      if (sameOverhead && parts[c] == previous.parts[c]) {
        perMember[c] = previous.perMember[c];
        continue;
      }
      perMember[c] = new AnnexFigures.Split[years];
      for (int y = 0; y < years; y++) {
        long amount = Math.addExact(parts[c][y], overhead[c][y]);
        if (reuse && previous.toDistribute(c, y) == amount) {
          perMember[c][y] = previous.perMember[c][y];
        } else {
          perMember[c][y] = AnnexFigures.Split.of(amount, base.columnWeights[c], base.columnLongWeights[c], base.columnWeightSum[c]);
        }
      }
    }
    int memberCount = base.reference.members().size();
    for (int c = 0; c < leafCount; c++) {
      int[] leaves = base.leavesOfSum[c];
      if (leaves == null) {
        continue;
      }
      boolean leavesTakenOver = sameOverhead;
      for (int i = 0; i < leaves.length && leavesTakenOver; i++) {
        leavesTakenOver = perMember[leaves[i]] == previous.perMember[leaves[i]]; // taken over only with its parts row (above)
      }
      if (leavesTakenOver) { // a sum column's own row is zero (no line is in a sum column: AnnexLayout.Resolver)
        parts[c] = previous.parts[c];
        perMember[c] = previous.perMember[c];
        continue;
      }
      long[] sum = totals.row(parts, c);
      perMember[c] = new AnnexFigures.Split[years];
      for (int y = 0; y < years; y++) {
        AnnexFigures.Split[] leafSplits = new AnnexFigures.Split[leaves.length];
        for (int i = 0; i < leaves.length; i++) {
          int leaf = leaves[i];
          sum[y] = Math.addExact(sum[y], parts[leaf][y]);
          leafSplits[i] = perMember[leaf][y];
        }
        AnnexFigures.Split before = reuse ? previous.perMember[c][y] : null;
        perMember[c][y] = before != null && before.sumOf(leafSplits) ? before : AnnexFigures.Split.sum(leafSplits, memberCount);
      }
    }
    return new AnnexFigures(parts, overhead, perMember, overheadChange, spreads);
  }

  /** True when no overhead view's change row differs from {@code previous}'s (the same rows: see {@link #distribute}). */
  private static boolean sameOverheadChange(EngineState.Base base, long[][] previous, long[][] now) {
    for (int p = 0; p < base.programmes; p++) {
      if (base.spreadWeights[p] != null && previous[p] != now[p]) {
        return false;
      }
    }
    return true;
  }
}
