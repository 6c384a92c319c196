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
 * A budget's cells laid out for the engine's passes: one {@code long[]} of every line's cents, row
 * by row ({@code cents[row * years + y]}), and per row the number of its {@link Groups group} (its
 * side, programme, annex column, nature, third-party money and pass-through mark in one small int).
 * The few rows that need more than a sum (pm years, breakdowns, items moved to the pass-through
 * budget) are listed apart. Built once per budget state, like loading a table into a database: 8
 * bytes per cell plus 4 per row.
 *
 * <p>Rows are the proposals in order; the computed lines (balancing, pass-through contribution)
 * have group -1 and hold no cents here.
 */
public final class Cells {
  final Budget budget;
  final int rows;
  final int years;
  final long[] cents;
  final int[] group;
  final int[] sparse; // rows with pm years, a breakdown or a pass-through mark
  final Groups groups;
  final EngineState.Base base;

  private Cells(Budget budget, long[] cents, int[] group, int[] sparse, Groups groups, EngineState.Base base) {
    this.budget = budget;
    this.rows = group.length;
    this.years = budget.version().years().size();
    this.cents = cents;
    this.group = group;
    this.sparse = sparse;
    this.groups = groups;
    this.base = base;
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
    long[] cents = new long[Math.multiplyExact(n, years)];
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
          System.arraycopy(a.centsArray(), 0, cents, i * years, years);
          if (a.anyPm() || p.breakdown() != null || p.passThrough()) {
            sparse.add(i);
          }
        }
      }
    }
    EngineState.Base base = new EngineState.Base(budget, resolver, thirdParty, transferLines,
        contributionGroups.stream().mapToInt(Integer::intValue).toArray(), contributionIds, balancingProgramme, balancingId);
    return new Cells(budget, cents, group, sparse.stream().mapToInt(Integer::intValue).toArray(), groups.build(), base);
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
