package nl.begroot.core.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/**
 * Which annex column each proposal belongs to: the most specific match wins (a column naming the
 * proposal, then its unit, then its programme). Proposals of an overhead programme are spread by
 * the programme's shares instead; the balancing line belongs to no column.
 */
public final class AnnexLayout {
  /** Column index for proposals that are spread as overhead. */
  public static final int OVERHEAD = -1;
  /** Column index for the balancing line, which is the annex's total. */
  public static final int BALANCING = -2;
  /** Column index for a proposal that no column claims (a validation error). */
  public static final int NONE = -3;

  private AnnexLayout() {}

  /** For each proposal, the index of its leaf column, or one of the negative markers. */
  public static int[] columnOfProposals(Budget budget) {
    List<Annex.Column> columns = budget.annex().columns();
    List<Proposal> proposals = budget.proposals();
    java.util.Map<String, Programme> programmeOfUnit = new java.util.HashMap<>();
    for (Programme programme : budget.programmes()) {
      programme.units().forEach(u -> programmeOfUnit.put(u.id(), programme));
    }
    java.util.Map<String, Integer> byProposal = new java.util.HashMap<>();
    java.util.Map<String, Integer> byUnit = new java.util.HashMap<>();
    java.util.Map<String, Integer> byProgramme = new java.util.HashMap<>();
    for (int c = columns.size() - 1; c >= 0; c--) { // the first listed column wins
      Annex.Column column = columns.get(c);
      if (column.isSum()) {
        continue;
      }
      final int index = c;
      column.proposals().forEach(id -> byProposal.put(id, index));
      column.units().forEach(id -> byUnit.put(id, index));
      column.programmes().forEach(id -> byProgramme.put(id, index));
    }
    int[] result = new int[proposals.size()];
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      Programme programme = programmeOfUnit.get(p.unit());
      if (p.rule() == Proposal.Rule.BALANCING) {
        result[i] = BALANCING;
        continue;
      }
      if (programme != null && programme.overheadView()) {
        result[i] = OVERHEAD;
        continue;
      }
      Integer column = byProposal.get(p.id());
      if (column == null) {
        column = byUnit.get(p.unit());
      }
      if (column == null && programme != null) {
        column = byProgramme.get(programme.id());
      }
      result[i] = column == null ? NONE : column;
    }
    return result;
  }

  /** Index of a column by id, or -1. */
  public static int columnIndex(Annex annex, String id) {
    for (int c = 0; c < annex.columns().size(); c++) {
      if (annex.columns().get(c).id().equals(id)) {
        return c;
      }
    }
    return -1;
  }

  /** Leaf columns that a column totals, recursively (a leaf totals itself). */
  public static List<Integer> leavesOf(Annex annex, int column) {
    List<Integer> leaves = new ArrayList<>();
    collectLeaves(annex, column, leaves, 0);
    return leaves;
  }

  private static void collectLeaves(Annex annex, int column, List<Integer> into, int depth) {
    if (depth > annex.columns().size()) {
      throw new IllegalArgumentException("annex columns total each other in a cycle");
    }
    Annex.Column col = annex.columns().get(column);
    if (!col.isSum()) {
      into.add(column);
      return;
    }
    for (String id : col.sumOf()) {
      collectLeaves(annex, columnIndex(annex, id), into, depth + 1);
    }
  }

  /** Integer weights of an overhead programme's spread over the annex columns (by column index). */
  public static BigInteger[] spreadWeights(Annex annex, Programme overhead) {
    Map<String, BigDecimal> spread = overhead.spread();
    int scale = spread.values().stream().mapToInt(BigDecimal::scale).max().orElse(0);
    BigInteger[] weights = new BigInteger[annex.columns().size()];
    for (int c = 0; c < weights.length; c++) {
      BigDecimal share = spread.getOrDefault(annex.columns().get(c).id(), BigDecimal.ZERO);
      weights[c] = share.setScale(Math.max(scale, 0)).unscaledValue();
    }
    return weights;
  }
}
