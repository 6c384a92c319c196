package nl.begroot.core.engine;

import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.ProposalIds;

/**
 * Every figure of a budget, exact in cents, in arrays indexed by position: programme {@code p} in
 * {@link Budget#programmes()}, proposal {@code i} in {@link Budget#proposals()}, year {@code y} in
 * the version's years, member {@code m} in {@link Budget#members()}, annex column {@code c} in the
 * annex's columns. Produced by {@link Engine#compute(Budget)}; read-only by convention.
 */
public final class Computation {
  final Budget budget;
  final int years;
  /**
   * The amounts of the lines the engine computes (balancing and contribution lines; or all computed
   * lines), by proposal id; an entered line's amounts are its proposal's own.
   */
  final Map<String, Amounts> computedLines;
  /** The transfer lines' amounts by proposal id, shared by every computation of one base (looked up after {@link #computedLines}). */
  final Map<String, Amounts> transferLines;
  /** What an incremental update starts from (null for a computation that cannot be updated). */
  final EngineState state;

  final long[][] frameLasten; // [p][y]
  final long[][] frameBaten;
  final long[][] changeLasten;
  final long[][] changeBaten;
  final boolean[][] changeLastenPm;
  final boolean[][] changeBatenPm;

  final long[] balancing; // [y]
  final long[] totalFrameLasten;
  final long[] totalFrameBaten;
  final long[] totalChangeLasten;
  final long[] totalChangeBaten;

  final AnnexFigures annex;
  final long[][] structural; // [row][y], rows: see StructuralRow
  final long[][] passThrough; // [p][y] amount moved into the pass-through budget
  /** Each proposal's position by id (the first of a repeated id), made on first use: see {@link #proposalIndex}. */
  private volatile ProposalIds proposalIndex;

  Computation(
      Budget budget,
      Map<String, Amounts> computedLines,
      EngineState state,
      long[][] frameLasten,
      long[][] frameBaten,
      long[][] changeLasten,
      long[][] changeBaten,
      boolean[][] changeLastenPm,
      boolean[][] changeBatenPm,
      long[] balancing,
      long[] totalFrameLasten,
      long[] totalFrameBaten,
      long[] totalChangeLasten,
      long[] totalChangeBaten,
      AnnexFigures annex,
      long[][] structural,
      long[][] passThrough) {
    this(budget, Map.of(), computedLines, state, frameLasten, frameBaten, changeLasten, changeBaten, changeLastenPm, changeBatenPm, balancing,
        totalFrameLasten, totalFrameBaten, totalChangeLasten, totalChangeBaten, annex, structural, passThrough);
  }

  Computation(
      Budget budget,
      Map<String, Amounts> transferLines,
      Map<String, Amounts> computedLines,
      EngineState state,
      long[][] frameLasten,
      long[][] frameBaten,
      long[][] changeLasten,
      long[][] changeBaten,
      boolean[][] changeLastenPm,
      boolean[][] changeBatenPm,
      long[] balancing,
      long[] totalFrameLasten,
      long[] totalFrameBaten,
      long[] totalChangeLasten,
      long[] totalChangeBaten,
      AnnexFigures annex,
      long[][] structural,
      long[][] passThrough) {
    this.budget = budget;
    this.transferLines = transferLines;
    this.years = budget.version().years().size();
    this.computedLines = computedLines;
    this.state = state;
    this.frameLasten = frameLasten;
    this.frameBaten = frameBaten;
    this.changeLasten = changeLasten;
    this.changeBaten = changeBaten;
    this.changeLastenPm = changeLastenPm;
    this.changeBatenPm = changeBatenPm;
    this.balancing = balancing;
    this.totalFrameLasten = totalFrameLasten;
    this.totalFrameBaten = totalFrameBaten;
    this.totalChangeLasten = totalChangeLasten;
    this.totalChangeBaten = totalChangeBaten;
    this.annex = annex;
    this.structural = structural;
    this.passThrough = passThrough;
  }

  public Budget budget() {
    return budget;
  }

  public int yearCount() {
    return years;
  }

  public List<Integer> years() {
    return budget.version().years();
  }

  /**
   * The position of the proposal with this id in {@link Budget#proposals()} (the first, should the
   * budget repeat an id), or -1. The map by id is made once per computation, on first use, and shared by
   * every later look-up (a preview looks up the edited proposal in the state it was made from).
   */
  public int proposalIndex(String id) {
    return proposalIndex().indexOf(id);
  }

  /** Whether no two proposals of the budget have the same id. */
  public boolean uniqueProposalIds() {
    return proposalIndex().size() == budget.proposals().size();
  }

  private ProposalIds proposalIndex() {
    ProposalIds index = proposalIndex;
    if (index == null) {
      index = ProposalIds.of(budget.proposals());
      proposalIndex = index; // a race makes the same index twice; either is right
    }
    return index;
  }

  /** Effective amounts of proposal {@code proposal}: entered, or computed for transfer/balancing/contribution lines. */
  public Amounts line(int proposal) {
    Proposal p = budget.proposals().get(proposal);
    if (p.rule() == Proposal.Rule.ENTERED) {
      return p.amounts();
    }
    Amounts computed = computedLines.get(p.id());
    if (computed == null) {
      computed = transferLines.get(p.id());
    }
    return computed != null ? computed : Amounts.blank(years);
  }

  public long frameLasten(int p, int y) {
    return frameLasten[p][y];
  }

  public long frameBaten(int p, int y) {
    return frameBaten[p][y];
  }

  public long changeLasten(int p, int y) {
    return changeLasten[p][y];
  }

  public long changeBaten(int p, int y) {
    return changeBaten[p][y];
  }

  public boolean changeLastenHasPm(int p, int y) {
    return changeLastenPm[p][y];
  }

  public boolean changeBatenHasPm(int p, int y) {
    return changeBatenPm[p][y];
  }

  /** The balancing item (e.g. 4.2 Hogere bijdrage provincies) of year {@code y}. */
  public long balancing(int y) {
    return balancing[y];
  }

  public long totalFrameLasten(int y) {
    return totalFrameLasten[y];
  }

  public long totalFrameBaten(int y) {
    return totalFrameBaten[y];
  }

  public long totalChangeLasten(int y) {
    return totalChangeLasten[y];
  }

  public long totalChangeBaten(int y) {
    return totalChangeBaten[y];
  }

  public AnnexFigures annex() {
    return annex;
  }

  public long structural(StructuralRow row, int y) {
    return structural[row.ordinal()][y];
  }

  public long passThrough(int p, int y) {
    return passThrough[p][y];
  }

  /** Rows of the structural-balance overview (one-off versus recurring changes). */
  public enum StructuralRow {
    RECURRING_LASTEN,
    RECURRING_BATEN,
    ONE_OFF_LASTEN,
    ONE_OFF_BATEN
  }
}
