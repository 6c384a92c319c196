package nl.begroot.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.validate.BudgetValidator;

/**
 * A budget's cells laid out for the engine's passes: one {@code long[]} of every entered and
 * transfer line's cents, proposals × years, with the lines of one {@link Groups group} (side,
 * programme, annex column, nature, third-party money and pass-through mark) next to each other
 * ({@code cents[place * years + y]}, group {@code g} at places {@code groupStart[g] ..
 * groupStart[g + 1]}), so that the full pass adds each group's run of cells with no lookup per line.
 * The few rows that need more than a sum (pm years, breakdowns, items moved to the pass-through
 * budget) are listed apart. Built once per budget state, like loading a table into a database: 8
 * bytes per cell plus 8 per row (its group and place).
 *
 * <p>Rows are the proposals in order; the computed lines (balancing, pass-through contribution)
 * have group -1 and hold no cents here.
 */
public final class Cells {
  final Budget budget;
  final int rows;
  final int years;
  final long[] cents; // [place * years + y], the rows of one group together
  final int[] group; // [row] its group, -1 for a computed line
  final int[] place; // [row] where its cells are in cents, -1 for a computed line
  final int[] groupStart; // [g] the first place of group g's rows; [count] the number of places
  final int[] sparse; // rows with pm years, a breakdown or a pass-through mark
  final Sparse marks; // the same rows' pm and amount years and breakdown moves, in columns (null beyond 64 years)
  final Groups groups;
  final EngineState.Base base;

  private Cells(Budget budget, long[] cents, int[] group, int[] place, int[] groupStart, int[] sparse, Groups groups, EngineState.Base base) {
    this.budget = budget;
    this.rows = group.length;
    this.years = budget.version().years().size();
    this.cents = cents;
    this.group = group;
    this.place = place;
    this.groupStart = groupStart;
    this.sparse = sparse;
    this.groups = groups;
    this.base = base;
    this.marks = years <= 64 ? Sparse.of(budget, sparse, group, base, years) : null;
  }

  /**
   * What the rows that need more than a sum add, laid out in columns so that a full computation
   * never reads a proposal object: per sparse row (parallel to {@link #sparse}) its pm years and its
   * amount years as bit masks (bit {@code y}), and its breakdown's moves between the four structural
   * rows ({@code moves[at .. at + 4 * years)}, {@code at} from {@code moveAt}, -1 for none). Built at
   * layout from the same {@link EngineState#lineAmounts} and {@link EngineState#moveBreakdown} as an
   * update uses.
   */
  static final class Sparse {
    final long[] pmMask;
    final long[] amountMask;
    final int[] moveAt;
    final long[] moves;

    private Sparse(long[] pmMask, long[] amountMask, int[] moveAt, long[] moves) {
      this.pmMask = pmMask;
      this.amountMask = amountMask;
      this.moveAt = moveAt;
      this.moves = moves;
    }

    static Sparse of(Budget budget, int[] sparse, int[] group, EngineState.Base base, int years) {
      List<Proposal> proposals = budget.proposals();
      long[] pmMask = new long[sparse.length];
      long[] amountMask = new long[sparse.length];
      int[] moveAt = new int[sparse.length];
      int breakdowns = 0;
      for (int i : sparse) {
        breakdowns += proposals.get(i).breakdown() != null ? 1 : 0;
      }
      int width = Computation.StructuralRow.values().length * years;
      long[] moves = new long[breakdowns * width];
      long[] one = new long[width];
      int next = 0;
      for (int k = 0; k < sparse.length; k++) {
        Proposal p = proposals.get(sparse[k]);
        if (group[sparse[k]] >= 0) {
          Amounts a = EngineState.lineAmounts(p, base.transferLines, years);
          for (int y = 0; y < years; y++) {
            switch (a.kind(y)) {
              case PM -> pmMask[k] |= 1L << y;
              case AMOUNT -> amountMask[k] |= 1L << y;
              default -> { }
            }
          }
        }
        moveAt[k] = -1;
        if (p.breakdown() != null) {
          java.util.Arrays.fill(one, 0);
          EngineState.moveBreakdown(p, 1, one, years);
          System.arraycopy(one, 0, moves, next, width);
          moveAt[k] = next;
          next += width;
        }
      }
      return new Sparse(pmMask, amountMask, moveAt, moves);
    }
  }

  /** Lays out a budget's cells; refuses an invalid budget like {@link Engine#compute(Budget)}. */
  public static Cells of(Budget budget) {
    BudgetValidator.requireValid(budget);
    int years = budget.version().years().size();
    List<Proposal> proposals = budget.proposals();
    int n = proposals.size();
    AnnexLayout.Resolver resolver = new AnnexLayout.Resolver(budget);
    Map<String, Amounts> transferLines = transferLines(budget, years);
    String thirdParty = budget.annex().thirdPartyColumn() != null ? budget.annex().thirdPartyColumn().thirdParty() : null;
    int[] group = new int[n];
    List<Integer> sparse = new ArrayList<>();
    Groups.Builder groups = new Groups.Builder();
    List<Integer> contributionGroups = new ArrayList<>();
    List<String> contributionIds = new ArrayList<>();
    int balancingProgramme = -1;
    String balancingId = null;
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      int unit = resolver.unit(p);
      int programme = resolver.programme(unit);
      switch (p.rule()) {
        case BALANCING -> {
          group[i] = -1;
          balancingProgramme = programme;
          balancingId = p.id();
        }
        case PASS_THROUGH_CONTRIBUTION -> {
          group[i] = -1;
          contributionIds.add(p.id());
          contributionGroups.add(groups.group(Groups.key(p, programme, resolver.column(p, unit), thirdParty)));
          if (p.breakdown() != null) {
            sparse.add(i);
          }
        }
        default -> {
          group[i] = groups.group(Groups.key(p, programme, resolver.column(p, unit), thirdParty));
          Amounts a = EngineState.lineAmounts(p, transferLines, years);
          if (a.anyPm() || p.breakdown() != null || p.passThrough()) {
            sparse.add(i);
          }
        }
      }
    }
    // the cells in group order: each group's rows one run of places, so the pass adds runs
    Groups built = groups.build();
    int[] groupStart = new int[built.count + 1];
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        groupStart[group[i] + 1]++;
      }
    }
    for (int g = 0; g < built.count; g++) {
      groupStart[g + 1] += groupStart[g];
    }
    int[] next = java.util.Arrays.copyOf(groupStart, built.count);
    int[] place = new int[n];
    long[] cents = new long[Math.multiplyExact(groupStart[built.count], years)];
    for (int i = 0; i < n; i++) {
      if (group[i] < 0) {
        place[i] = -1;
        continue;
      }
      place[i] = next[group[i]]++;
      System.arraycopy(EngineState.lineAmounts(proposals.get(i), transferLines, years).centsArray(), 0, cents, place[i] * years, years);
    }
    EngineState.Base base = new EngineState.Base(budget, resolver, thirdParty, transferLines,
        contributionGroups.stream().mapToInt(Integer::intValue).toArray(), contributionIds, balancingProgramme, balancingId);
    return new Cells(budget, cents, group, place, groupStart, sparse.stream().mapToInt(Integer::intValue).toArray(), built, base);
  }

  /** Transfer lines: the sum of the legs that name them. */
  static Map<String, Amounts> transferLines(Budget budget, int years) {
    Map<String, Amounts.Builder> lines = new HashMap<>();
    for (Transfer transfer : budget.transfers()) {
      for (Transfer.Leg leg : transfer.legs()) {
        Amounts.Builder line = lines.computeIfAbsent(leg.line(), id -> Amounts.builder(years));
        for (int y = 0; y < years; y++) {
          line.add(y, leg.amounts().cents(y), leg.amounts().kind(y));
        }
      }
    }
    Map<String, Amounts> built = new HashMap<>();
    lines.forEach((id, b) -> built.put(id, b.build()));
    return built;
  }

  public Budget budget() {
    return budget;
  }

  /** Proposal-year cells laid out. */
  public long cellCount() {
    return (long) rows * years;
  }
}
