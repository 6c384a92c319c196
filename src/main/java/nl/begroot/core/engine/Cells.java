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
 * A budget's cells laid out for the engine's passes: one {@code int[]} of every entered and
 * transfer line's cents, proposals × years, with the lines of one {@link Groups group} (side,
 * programme, annex column, nature, third-party money and pass-through mark) next to each other
 * ({@code cents[place * years + y]}, group {@code g} at places {@code groupStart[g] ..
 * groupStart[g + 1]}), so that the full pass adds each group's run of cells with no lookup per line.
 * The few rows that need more than a sum (pm years, breakdowns, items moved to the pass-through
 * budget) are listed apart. Built once per budget state, like loading a table into a database: 4
 * bytes per cell plus 8 per row (its group and place).
 *
 * <p>A cell is held in an {@code int} (decision 249): its value's low 32 bits, as a signed {@code int}. A cell
 * beyond an {@code int}'s range (more than 21.474.836,47 either way) is listed apart with the rest of its value,
 * a multiple of 2^32 ({@code value - (int) value}), which the pass adds to the group's row after the runs: exact for
 * any {@code long} value, 4 bytes a cell for the cells that fit and 16 more for each that does not.
 *
 * <p>Rows are the proposals in order; the computed lines (balancing, pass-through contribution)
 * have group -1 and hold no cents here.
 */
public final class Cells {
  final Budget budget;
  final int rows;
  final int years;
  final int[] cents; // [place * years + y] the low 32 bits of the cell, the rows of one group together
  final int[] wideAt; // the indexes into cents of the cells beyond an int, ascending
  final int[] wideGroup; // [k] the group of the cell at wideAt[k]
  final long[] wideRest; // [k] the cell at wideAt[k] minus its low 32 bits (a multiple of 2^32, never 0)
  final int[] groupStart; // [g] the first place of group g's rows; [count] the number of places
  final int[] sparse; // rows with pm years, a breakdown or a pass-through mark, ascending
  final int[] sparseGroup; // [k] the group of row sparse[k], -1 for a computed line (a contribution line's breakdown)
  final int[] sparsePlace; // [k] where row sparse[k]'s cells are in cents, -1 for a computed line
  final Sparse marks; // the same rows' pm and amount years and breakdown moves, in columns (null beyond 64 years)
  final Groups groups;
  final EngineState.Base base;

  private Cells(Budget budget, int[] cents, long[][] wide, int rows, int[] groupStart, int[] sparse, int[] sparseGroup, int[] sparsePlace,
      Groups groups, EngineState.Base base) {
    this.budget = budget;
    this.rows = rows;
    this.years = budget.version().years().size();
    this.cents = cents;
    this.wideAt = new int[wide.length];
    this.wideGroup = new int[wide.length];
    this.wideRest = new long[wide.length];
    java.util.Arrays.sort(wide, java.util.Comparator.comparingLong(w -> w[0]));
    for (int k = 0; k < wide.length; k++) {
      wideAt[k] = (int) wide[k][0];
      wideGroup[k] = (int) wide[k][1];
      wideRest[k] = wide[k][2];
    }
    this.groupStart = groupStart;
    this.sparse = sparse;
    this.sparseGroup = sparseGroup;
    this.sparsePlace = sparsePlace;
    this.groups = groups;
    this.base = base;
    this.marks = years <= 64 ? Sparse.of(budget, sparse, sparseGroup, base, years) : null;
  }

  /**
   * What the rows that need more than a sum add, laid out in columns so that a full computation
   * never reads a proposal object: per sparse row (parallel to {@link #sparse}) its pm years and its
   * amount years as bit masks (bit {@code y}); and what every row's breakdown moves between the four structural
   * rows, summed ({@code moves[row * years + y]}: the same in every computation of these cells). Built at
   * layout from the same {@link EngineState#lineAmounts} and {@link EngineState#moveBreakdown} as an
   * update uses.
   */
  static final class Sparse {
    final long[] pmMask;
    final long[] amountMask;
    final long[] moves;

    private Sparse(long[] pmMask, long[] amountMask, long[] moves) {
      this.pmMask = pmMask;
      this.amountMask = amountMask;
      this.moves = moves;
    }

    static Sparse of(Budget budget, int[] sparse, int[] sparseGroup, EngineState.Base base, int years) {
      List<Proposal> proposals = budget.proposals();
      long[] pmMask = new long[sparse.length];
      long[] amountMask = new long[sparse.length];
      long[] moves = new long[Computation.StructuralRow.values().length * years];
      for (int k = 0; k < sparse.length; k++) {
        Proposal p = proposals.get(sparse[k]);
        if (sparseGroup[k] >= 0) {
          Amounts a = EngineState.lineAmounts(p, base.transferLines, years);
          for (int y = 0; y < years; y++) {
            switch (a.kind(y)) {
              case PM -> pmMask[k] |= 1L << y;
              case AMOUNT -> amountMask[k] |= 1L << y;
              default -> { }
            }
          }
        }
        EngineState.moveBreakdown(p, 1, moves, years);
      }
      return new Sparse(pmMask, amountMask, moves);
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
    int[] sparseRows = sparse.stream().mapToInt(Integer::intValue).toArray();
    int[] sparseGroup = new int[sparseRows.length];
    int[] sparsePlace = new int[sparseRows.length];
    int[] cents = new int[Math.multiplyExact(groupStart[built.count], years)];
    List<long[]> wide = new ArrayList<>(); // {index, group, rest}
    int k = 0; // the next sparse row
    for (int i = 0; i < n; i++) {
      int place = group[i] < 0 ? -1 : next[group[i]]++;
      if (k < sparseRows.length && sparseRows[k] == i) {
        sparseGroup[k] = group[i];
        sparsePlace[k++] = place;
      }
      if (place < 0) {
        continue;
      }
      Amounts a = EngineState.lineAmounts(proposals.get(i), transferLines, years);
      int at = place * years;
      for (int y = 0; y < years; y++) {
        long value = a.cents(y);
        cents[at + y] = (int) value;
        if (value != (int) value) {
          wide.add(new long[] {at + y, group[i], value - (int) value});
        }
      }
    }
    EngineState.Base base = new EngineState.Base(budget, resolver, thirdParty, transferLines,
        contributionGroups.stream().mapToInt(Integer::intValue).toArray(), contributionIds, balancingProgramme, balancingId);
    return new Cells(budget, cents, wide.toArray(long[][]::new), n, groupStart, sparseRows, sparseGroup, sparsePlace, built, base);
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

  /** The cell at {@code index} of {@link #cents}, whole: its low 32 bits plus the rest when it is beyond an int. */
  long cell(int index) {
    int k = java.util.Arrays.binarySearch(wideAt, index);
    return k >= 0 ? cents[index] + wideRest[k] : cents[index];
  }

  /** Proposal-year cells laid out. */
  public long cellCount() {
    return (long) rows * years;
  }
}
